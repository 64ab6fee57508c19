import type { DomainEvent } from '../events/envelope';
import type { DeviceReading, IncidentSeverity } from './incident.events';

/**
 * The seam between the device rule engine (which appends these on `device-{deviceId}`) and the
 * incidents (whose reaction turns them into incidents). The rule engine chooses `incidentId`, a
 * new one per raise, so a redelivered raise names the same incident. Agreed with the devices
 * branch; change only together with it.
 */

/** A device rule's condition held for its raise-after time: an incident is due. */
export type DeviceRuleRaised = DomainEvent<
  'device.rule_raised.v1',
  {
    deviceId: string;
    venueId: string;
    deviceType: string;
    ruleId: string;
    severity: IncidentSeverity;
    incidentId: string;
    /** ISO 8601 UTC. */
    raisedAt: string;
    reading: DeviceReading;
  }
>;

/** The condition stayed clear for the rule's clear-after time: the incident it raised resolves. */
export type DeviceRuleCleared = DomainEvent<
  'device.rule_cleared.v1',
  { deviceId: string; venueId: string; ruleId: string; incidentId: string; clearedAt: string }
>;

export type DeviceRuleEvent = DeviceRuleRaised | DeviceRuleCleared;

export const DEVICE_RULE_EVENT_TYPES = ['device.rule_raised.v1', 'device.rule_cleared.v1'] as const satisfies readonly DeviceRuleEvent['type'][];
