import type { DomainEvent } from '../events/envelope';

/**
 * Events of the stream `incident-{incidentId}` (API.md, Venue operations). Every event names the
 * incident's `reporterId` (the live feed shows a fan the events of their own incidents), and every
 * event that sets or restates the SLA deadlines carries them, so a consumer (the breach schedule,
 * the e-mail to the reporter) never needs another event to know whose it is or what is due when.
 */

export const INCIDENT_STATUSES = ['new', 'acknowledged', 'in_progress', 'pending', 'resolved', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

export const INCIDENT_URGENCIES = ['low', 'medium', 'high'] as const;
export type IncidentUrgency = (typeof INCIDENT_URGENCIES)[number];

export const INCIDENT_IMPACTS = ['low', 'medium', 'high'] as const;
export type IncidentImpact = (typeof INCIDENT_IMPACTS)[number];

export const INCIDENT_PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type IncidentPriority = (typeof INCIDENT_PRIORITIES)[number];

export const INCIDENT_CATEGORIES = ['seat', 'facility', 'safety', 'cleaning', 'other'] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export type IncidentSource = 'report' | 'device';

/** The two SLA clocks of an incident. */
export type SlaKind = 'acknowledge' | 'resolve';

export interface IncidentLocation {
  showId?: string;
  seatId?: string;
  area?: string;
}

/** When the incident must be acknowledged and resolved by, ISO 8601 UTC. */
export interface IncidentDeadlines {
  acknowledgeBy: string;
  resolveBy: string;
}

/** What a device rule saw when it raised the incident (device.rule_raised.v1's `reading`). */
export type DeviceReading = Record<string, unknown>;

/**
 * An incident was opened, by a person's report (`source: "report"`) or by a device rule
 * (`source: "device"`, with the device, venue and rule). Priority comes from urgency × impact and
 * the deadlines from the priority's SLA at `reportedAt`.
 */
export type IncidentReported = DomainEvent<
  'incident.reported.v1',
  {
    incidentId: string;
    source: IncidentSource;
    title: string;
    description: string;
    location: IncidentLocation;
    category: IncidentCategory;
    urgency: IncidentUrgency;
    impact: IncidentImpact;
    priority: IncidentPriority;
    severity: IncidentSeverity;
    /** The user who reported it, or `device:{deviceId}` for a device rule. */
    reporterId: string;
    venueId?: string;
    deviceId?: string;
    deviceType?: string;
    ruleId?: string;
    reading?: DeviceReading;
    /** ISO 8601 UTC. */
    reportedAt: string;
    deadlines: IncidentDeadlines;
  }
>;

/**
 * The incident moved from one status to another (every move, including a reopen and a device's
 * auto-resolution). `by` is who moved it (a staff member, or `device:{deviceId}` when its rule
 * cleared); `deadlines` are the ones in force after the move (leaving `pending` moves `resolveBy`
 * on by the time spent there: the resolve clock pauses while the incident waits on someone).
 */
export type IncidentStatusChanged = DomainEvent<
  'incident.status_changed.v1',
  {
    incidentId: string;
    reporterId: string;
    from: IncidentStatus;
    to: IncidentStatus;
    /** ISO 8601 UTC. */
    at: string;
    by: string;
    /** `device_cleared` when the device rule that raised it cleared. */
    reason?: 'device_cleared';
    deadlines: IncidentDeadlines;
    /** The incident's severity at the move, so live counters by severity need no lookup. */
    severity: IncidentSeverity;
    /** Device incidents only: the device and venue, so a device's open incidents need no lookup either. */
    deviceId?: string;
    venueId?: string;
  }
>;

/** Staff changed the impact, so the priority and both deadlines (from `reportedAt`) changed with it. */
export type IncidentReprioritized = DomainEvent<
  'incident.reprioritized.v1',
  {
    incidentId: string;
    reporterId: string;
    impact: IncidentImpact;
    from: IncidentPriority;
    to: IncidentPriority;
    at: string;
    by: string;
    deadlines: IncidentDeadlines;
  }
>;

/** Staff set the severity (what a device rule or staff says about how bad it is; priority is separate). */
export type IncidentSeveritySet = DomainEvent<
  'incident.severity_set.v1',
  {
    incidentId: string;
    reporterId: string;
    from: IncidentSeverity;
    to: IncidentSeverity;
    /** The incident's status then, so live counters of open incidents need no lookup. */
    status: IncidentStatus;
    at: string;
    by: string;
  }
>;

/** Staff assigned the incident to someone (`assigneeId`), or took the assignment away (`null`). */
export type IncidentAssigned = DomainEvent<
  'incident.assigned.v1',
  { incidentId: string; reporterId: string; assigneeId: string | null; at: string; by: string }
>;

/** Staff wrote a note on the incident. */
export type IncidentNoteAdded = DomainEvent<
  'incident.note_added.v1',
  { incidentId: string; reporterId: string; note: string; at: string; by: string }
>;

/**
 * A deadline passed before the incident was acknowledged (`kind: "acknowledge"`) or resolved
 * (`kind: "resolve"`). Written once per kind by the SLA breach schedule; `detectedAt` is when it
 * noticed, `deadline` the deadline that was missed.
 */
export type IncidentSlaBreached = DomainEvent<
  'incident.sla_breached.v1',
  {
    incidentId: string;
    reporterId: string;
    kind: SlaKind;
    deadline: string;
    detectedAt: string;
    priority: IncidentPriority;
    severity: IncidentSeverity;
    venueId?: string;
  }
>;

export type IncidentEvent =
  | IncidentReported
  | IncidentStatusChanged
  | IncidentReprioritized
  | IncidentSeveritySet
  | IncidentAssigned
  | IncidentNoteAdded
  | IncidentSlaBreached;

export const INCIDENT_EVENT_TYPES = [
  'incident.reported.v1',
  'incident.status_changed.v1',
  'incident.reprioritized.v1',
  'incident.severity_set.v1',
  'incident.assigned.v1',
  'incident.note_added.v1',
  'incident.sla_breached.v1',
] as const satisfies readonly IncidentEvent['type'][];

// A type added to the union but forgotten in the list fails to compile here.
const listIsComplete: [Exclude<IncidentEvent['type'], (typeof INCIDENT_EVENT_TYPES)[number]>] extends [never] ? true : false = true;
void listIsComplete;

export const incidentStream = (incidentId: string): string => `incident-${incidentId}`;
export const INCIDENT_STREAM_PREFIX = 'incident-';
