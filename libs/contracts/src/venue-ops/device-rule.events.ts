import type { DeviceRuleCleared, DeviceRuleRaised } from './device.events';

/**
 * The seam between the device rule engine (which appends these on `device-{deviceId}`, see
 * device.events.ts) and the incidents (whose reaction turns them into incidents). The rule engine
 * chooses `incidentId`, a new one per raise, so a redelivered raise names the same incident.
 */
export type DeviceRuleEvent = DeviceRuleRaised | DeviceRuleCleared;

export const DEVICE_RULE_EVENT_TYPES = ['device.rule_raised.v1', 'device.rule_cleared.v1'] as const satisfies readonly DeviceRuleEvent['type'][];
