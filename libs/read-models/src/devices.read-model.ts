import { DEVICE_EVENT_TYPES, type DeviceStatus, type DeviceType, type ReadingStatus, type Severity } from '@tessera/contracts';
import type { ProjectionDescriptor, ReadModelDocument } from './read-model';

/**
 * Devices (GET /api/devices), in two collections with two writers:
 * - `devices` is a projection of the device streams (apps/projector): what a device is, its
 *   status and its open raises. Rebuildable from the log, as every projection.
 * - `device_telemetry` is the latest state the readings left (ARCHITECTURE §6: readings are not
 *   events): the last values, when the device was last heard, and the rule engine's timers, which
 *   a restart resumes from. Only the rule engine writes it, behind the readings (at most once per
 *   DEVICE_STATE_FLUSH_MS per device), so 10,000 readings a second cost one bulk write a flush.
 *   It is not in the log and cannot be rebuilt: lost, it is refilled by the next readings, and the
 *   timers start over (a raise may come one raise-after later than it would have).
 */

export const DEVICES = 'devices';
export const DEVICE_TELEMETRY = 'device_telemetry';

export type OpenRaiseDoc = { incidentId: string; severity: Severity; raisedAt: string };

export type DeviceDoc = ReadModelDocument & {
  deviceId: string;
  venueId: string;
  type: DeviceType;
  name: string;
  status: DeviceStatus;
  registeredAt: string;
  statusChangedAt?: string;
  /** Rule id → the open raise (its incident). */
  open: Record<string, OpenRaiseDoc>;
  openIncidents: number;
};

export const devicesDescriptor: ProjectionDescriptor = {
  name: 'devices',
  version: 1,
  collections: [DEVICES],
  eventTypes: DEVICE_EVENT_TYPES,
};

export type DeviceTelemetryDoc = {
  _id: string;
  lastSeenAt: string;
  last: { status: ReadingStatus; temperature?: number; battery?: number; errorRate?: number };
  /** The rule engine's timers (libs/domain DeviceRuleTimers), persisted so a restart resumes them. */
  timers: { lastAt?: string; rules: Record<string, { activeSince?: string; clearSince?: string }> };
  /** The device stream's revision the engine had seen when it wrote this. */
  revision: number;
};

/** Not versioned: not a projection, and not rebuilt (see above). */
export const deviceTelemetryCollection = DEVICE_TELEMETRY;
