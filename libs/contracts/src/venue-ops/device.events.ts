import type { DomainEvent } from '../events/envelope';

/**
 * Events of the stream `device-{deviceId}` (ARCHITECTURE §6). Readings are not events: only what
 * changes the device's story is — its registration, a status change, a rule raising or clearing.
 */

export const DEVICE_TYPES = ['gate_scanner', 'turnstile', 'pos', 'sensor', 'display'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/** What a reading says the device is. */
export const READING_STATUSES = ['online', 'degraded', 'offline'] as const;
export type ReadingStatus = (typeof READING_STATUSES)[number];

/** What Tessera says the device is: a reading's status, or `silent` when it stopped reporting. */
export const DEVICE_STATUSES = ['online', 'degraded', 'offline', 'silent'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One telemetry reading, as a device sends it (API.md). `at` is ISO 8601 UTC. */
export type Reading = {
  status: ReadingStatus;
  temperature?: number;
  battery?: number;
  errorRate?: number;
  at: string;
};

/**
 * An admin registered the device. `keyHash` is the keyed hash (HMAC-SHA-256 under the server's
 * device-key secret) of the key shown once to the admin; the key itself is never stored.
 */
export type DeviceRegistered = DomainEvent<
  'device.registered.v1',
  { deviceId: string; venueId: string; deviceType: DeviceType; name: string; keyHash: string; registeredAt: string }
>;

/**
 * The device's status changed: a reading said another one, or the staleness sweep found it silent.
 * A first reading changes it from `offline` (what a registered device counts as until it speaks).
 */
export type DeviceStatusChanged = DomainEvent<
  'device.status_changed.v1',
  { deviceId: string; venueId: string; deviceType: DeviceType; from: DeviceStatus; to: DeviceStatus; at: string }
>;

/**
 * A rule's condition held for its raise-after time. `incidentId` is new for every raise: the
 * incidents reaction opens that incident; there is at most one open raise per device and rule.
 */
export type DeviceRuleRaised = DomainEvent<
  'device.rule_raised.v1',
  {
    deviceId: string;
    venueId: string;
    deviceType: DeviceType;
    ruleId: string;
    severity: Severity;
    incidentId: string;
    raisedAt: string;
    /** The reading that tripped it; for the staleness rule, `{ silentSeconds, lastSeenAt }`. */
    reading: Reading | { silentSeconds: number; lastSeenAt: string | null };
  }
>;

/** The condition was clear for the rule's clear-after time (or the rule was removed): its incident resolves. */
export type DeviceRuleCleared = DomainEvent<
  'device.rule_cleared.v1',
  { deviceId: string; venueId: string; ruleId: string; incidentId: string; clearedAt: string }
>;

export type DeviceEvent = DeviceRegistered | DeviceStatusChanged | DeviceRuleRaised | DeviceRuleCleared;

export const DEVICE_EVENT_TYPES = [
  'device.registered.v1',
  'device.status_changed.v1',
  'device.rule_raised.v1',
  'device.rule_cleared.v1',
] as const satisfies readonly DeviceEvent['type'][];

export const deviceStream = (deviceId: string): string => `device-${deviceId}`;
