import type {
  DeviceReading,
  IncidentCategory,
  IncidentDeadlines,
  IncidentEvent,
  IncidentImpact,
  IncidentLocation,
  IncidentPriority,
  IncidentSeverity,
  IncidentSource,
  IncidentStatus,
  IncidentUrgency,
  SlaKind,
} from '@tessera/contracts';
import { epochMillisOf } from '../box-office/time';
import type { Decider } from '../decider';
import { DomainError } from '../domain-error';
import { deadlinesFor, DEFAULT_IMPACT, priorityOf, severityOfUrgency, urgencyAndImpactOfSeverity, type SlaPolicy } from './priority';

/**
 * Incident: something wrong at the venue, reported by a person or raised by a device rule, worked
 * through a status workflow under SLA deadlines. Stream `incident-{incidentId}`.
 *
 * Workflow (API.md): new → acknowledged → in_progress ⇄ pending → resolved → closed. Both
 * in_progress and pending may resolve; resolved and closed may be reopened to in_progress. A
 * device incident whose rule clears resolves from any open status (its cause is gone). Every
 * other move is refused with INVALID_TRANSITION.
 */

export interface OpenedIncident {
  status: IncidentStatus;
  incidentId: string;
  source: IncidentSource;
  reporterId: string;
  urgency: IncidentUrgency;
  impact: IncidentImpact;
  priority: IncidentPriority;
  severity: IncidentSeverity;
  reportedAt: string;
  deadlines: IncidentDeadlines;
  assigneeId: string | null;
  deviceId?: string;
  venueId?: string;
  /** When it first left `new` (acknowledged, or resolved by its device): the acknowledge clock stops. */
  respondedAt?: string;
  /** When it was last resolved; cleared by a reopen. */
  resolvedAt?: string;
  /** Since when it has been `pending`: the resolve clock is paused meanwhile. */
  pendingSince?: string;
  /** Time spent pending while the resolve clock ran, already added to `deadlines.resolveBy`. */
  pausedMs: number;
  breached: readonly SlaKind[];
}

export type IncidentState = { status: 'none' } | OpenedIncident;

export const initialState: IncidentState = { status: 'none' };

export const isOpened = (state: IncidentState): state is OpenedIncident => state.status !== 'none';

/** Where each status may move to by hand. */
export const TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  new: ['acknowledged'],
  acknowledged: ['in_progress'],
  in_progress: ['pending', 'resolved'],
  pending: ['in_progress', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: ['in_progress'],
};

const OPEN: ReadonlySet<IncidentStatus> = new Set(['new', 'acknowledged', 'in_progress', 'pending']);
export const isOpen = (status: IncidentStatus): boolean => OPEN.has(status);

/**
 * `pending` waits on someone outside (a supplier, the reporter), so the resolve clock pauses
 * there, as ITIL's "on hold" does: leaving `pending` moves the resolve deadline on by the time
 * spent in it. A deadline already missed when the incident went pending stays missed.
 */
const deadlinesAfterPending = (state: OpenedIncident, now: string): IncidentDeadlines => {
  const { pendingSince, deadlines } = state;
  if (state.status !== 'pending' || pendingSince === undefined) return deadlines;
  const since = epochMillisOf(pendingSince);
  const resolveBy = epochMillisOf(deadlines.resolveBy);
  if (since >= resolveBy) return deadlines;
  return { ...deadlines, resolveBy: new Date(resolveBy + Math.max(0, epochMillisOf(now, 'now') - since)).toISOString() };
};

/** A person's report (any signed-in user). */
export type ReportIncident = {
  type: 'ReportIncident';
  data: {
    incidentId: string;
    reporterId: string;
    title: string;
    description: string;
    location: IncidentLocation;
    category: IncidentCategory;
    urgency: IncidentUrgency;
  };
  metadata: { now: string; sla: SlaPolicy };
};

/** A device rule raised (device.rule_raised.v1); the SLA clocks start at `raisedAt`. */
export type RaiseFromDevice = {
  type: 'RaiseFromDevice';
  data: {
    incidentId: string;
    deviceId: string;
    venueId: string;
    deviceType: string;
    ruleId: string;
    severity: IncidentSeverity;
    raisedAt: string;
    reading: DeviceReading;
  };
  metadata: { sla: SlaPolicy };
};

/** Staff change one or more things at once (PATCH); each field left out stays as it is. */
export type UpdateIncident = {
  type: 'UpdateIncident';
  data: {
    incidentId: string;
    by: string;
    status?: IncidentStatus;
    /** `null` takes the assignment away. */
    assigneeId?: string | null;
    impact?: IncidentImpact;
    severity?: IncidentSeverity;
    note?: string;
  };
  metadata: { now: string; sla: SlaPolicy };
};

/** The device rule that raised it cleared (device.rule_cleared.v1). */
export type ResolveFromDevice = {
  type: 'ResolveFromDevice';
  data: { incidentId: string; deviceId: string; clearedAt: string };
};

/** The breach schedule found a deadline due: record it if it was really missed, once. */
export type RecordSlaBreach = {
  type: 'RecordSlaBreach';
  data: { incidentId: string; kind: SlaKind };
  metadata: { now: string };
};

export type IncidentCommand = ReportIncident | RaiseFromDevice | UpdateIncident | ResolveFromDevice | RecordSlaBreach;

export const evolve = (state: IncidentState, event: IncidentEvent): IncidentState => {
  if (event.type === 'incident.reported.v1') {
    const { incidentId, source, reporterId, urgency, impact, priority, severity, reportedAt, deadlines, deviceId, venueId } = event.data;
    return {
      status: 'new',
      incidentId,
      source,
      reporterId,
      urgency,
      impact,
      priority,
      severity,
      reportedAt,
      deadlines,
      assigneeId: null,
      ...(deviceId === undefined ? {} : { deviceId }),
      ...(venueId === undefined ? {} : { venueId }),
      breached: [],
      pausedMs: 0,
    };
  }
  if (!isOpened(state)) return state;
  switch (event.type) {
    case 'incident.status_changed.v1': {
      const { from, to, at } = event.data;
      const next: OpenedIncident = { ...state, status: to, deadlines: event.data.deadlines };
      if (from === 'new' && next.respondedAt === undefined) next.respondedAt = at;
      if (to === 'resolved') next.resolvedAt = at;
      else if (to === 'in_progress' && !isOpen(from)) delete next.resolvedAt;
      if (to === 'pending') next.pendingSince = at;
      if (from === 'pending') {
        delete next.pendingSince;
        // The event says how far the pause moved the deadline.
        next.pausedMs += Date.parse(event.data.deadlines.resolveBy) - Date.parse(state.deadlines.resolveBy);
      }
      return next;
    }
    case 'incident.reprioritized.v1':
      return { ...state, impact: event.data.impact, priority: event.data.to, deadlines: event.data.deadlines };
    case 'incident.severity_set.v1':
      return { ...state, severity: event.data.to };
    case 'incident.assigned.v1':
      return { ...state, assigneeId: event.data.assigneeId };
    case 'incident.note_added.v1':
      return state;
    case 'incident.sla_breached.v1':
      return state.breached.includes(event.data.kind) ? state : { ...state, breached: [...state.breached, event.data.kind] };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

/** The device and venue of a device incident, for the events that name them; nothing for a report. */
const deviceOf = ({ deviceId, venueId }: OpenedIncident): { deviceId?: string; venueId?: string } => ({
  ...(deviceId === undefined ? {} : { deviceId }),
  ...(venueId === undefined ? {} : { venueId }),
});

const notFound = (incidentId: string): DomainError =>
  new DomainError('INCIDENT_NOT_FOUND', `incident ${incidentId} does not exist`, { incidentId });

const invalidTransition = (from: IncidentStatus, to: IncidentStatus): DomainError =>
  new DomainError('INVALID_TRANSITION', `an incident that is ${from} cannot move to ${to}`, {
    from,
    to,
    allowed: TRANSITIONS[from],
  });

export const decide = (command: IncidentCommand, state: IncidentState): IncidentEvent[] => {
  switch (command.type) {
    case 'ReportIncident': {
      if (isOpened(state)) {
        throw new DomainError('INCIDENT_EXISTS', `incident ${command.data.incidentId} was already reported`, {
          incidentId: command.data.incidentId,
        });
      }
      const { now, sla } = command.metadata;
      const impact = DEFAULT_IMPACT;
      const priority = priorityOf(command.data.urgency, impact);
      return [
        {
          type: 'incident.reported.v1',
          data: {
            ...command.data,
            source: 'report',
            impact,
            priority,
            severity: severityOfUrgency(command.data.urgency),
            reportedAt: now,
            deadlines: deadlinesFor(priority, now, sla),
          },
        },
      ];
    }
    case 'RaiseFromDevice': {
      // The rule engine chose the id for this raise: a redelivered raise finds it reported already.
      if (isOpened(state)) return [];
      const { incidentId, deviceId, venueId, deviceType, ruleId, severity, raisedAt, reading } = command.data;
      const { urgency, impact } = urgencyAndImpactOfSeverity(severity);
      const priority = priorityOf(urgency, impact);
      return [
        {
          type: 'incident.reported.v1',
          data: {
            incidentId,
            source: 'device',
            title: `${ruleId}: ${deviceType} ${deviceId}`,
            description: `Device rule ${ruleId} raised ${severity} on ${deviceType} ${deviceId} at venue ${venueId}.`,
            location: {},
            category: 'facility',
            urgency,
            impact,
            priority,
            severity,
            reporterId: `device:${deviceId}`,
            venueId,
            deviceId,
            deviceType,
            ruleId,
            reading,
            reportedAt: raisedAt,
            deadlines: deadlinesFor(priority, raisedAt, command.metadata.sla),
          },
        },
      ];
    }
    case 'UpdateIncident':
      return decideUpdate(command, state);
    case 'ResolveFromDevice': {
      const { incidentId, deviceId, clearedAt } = command.data;
      if (!isOpened(state)) throw notFound(incidentId);
      // Staff resolved (or closed) it first, or this clear was handled already.
      if (!isOpen(state.status)) return [];
      epochMillisOf(clearedAt, 'clearedAt');
      return [
        {
          type: 'incident.status_changed.v1',
          data: {
            incidentId,
            reporterId: state.reporterId,
            from: state.status,
            to: 'resolved',
            at: clearedAt,
            by: `device:${deviceId}`,
            reason: 'device_cleared',
            deadlines: deadlinesAfterPending(state, clearedAt),
            severity: state.severity,
            ...deviceOf(state),
          },
        },
      ];
    }
    case 'RecordSlaBreach': {
      const { incidentId, kind } = command.data;
      if (!isOpened(state)) throw notFound(incidentId);
      const { venueId } = state;
      if (state.breached.includes(kind)) return [];
      const deadline = kind === 'acknowledge' ? state.deadlines.acknowledgeBy : state.deadlines.resolveBy;
      const now = command.metadata.now;
      if (epochMillisOf(now, 'now') < epochMillisOf(deadline, 'deadline')) return [];
      // Met in time: the clock stopped before the deadline (a late answer is still a breach).
      const stoppedAt = kind === 'acknowledge' ? state.respondedAt : state.status === 'pending' ? state.pendingSince : isOpen(state.status) ? undefined : state.resolvedAt;
      if (stoppedAt !== undefined && epochMillisOf(stoppedAt) <= epochMillisOf(deadline)) return [];
      return [
        {
          type: 'incident.sla_breached.v1',
          data: {
            incidentId,
            reporterId: state.reporterId,
            kind,
            deadline,
            detectedAt: now,
            priority: state.priority,
            severity: state.severity,
            ...(venueId === undefined ? {} : { venueId }),
          },
        },
      ];
    }
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown incident command ${JSON.stringify(_exhaustive)}`);
    }
  }
};

/**
 * One PATCH, in a fixed order: impact (which moves priority and deadlines), severity, assignee,
 * status, note. A refused status move refuses the whole PATCH: nothing is written. A field that
 * already has the asked value changes nothing, so a retried PATCH writes nothing new.
 */
const decideUpdate = (command: UpdateIncident, state: IncidentState): IncidentEvent[] => {
  const { incidentId, by, status, assigneeId, impact, severity, note } = command.data;
  const { now, sla } = command.metadata;
  if (!isOpened(state)) throw notFound(incidentId);
  const { reporterId } = state;
  if (status !== undefined && status !== state.status && !TRANSITIONS[state.status].includes(status)) {
    throw invalidTransition(state.status, status);
  }
  const events: IncidentEvent[] = [];
  let deadlines = state.deadlines;
  if (impact !== undefined && impact !== state.impact) {
    const to = priorityOf(state.urgency, impact);
    const fresh = deadlinesFor(to, state.reportedAt, sla);
    // The pauses in `pending` so far still count; a pause under way is added when it ends.
    deadlines = { ...fresh, resolveBy: new Date(epochMillisOf(fresh.resolveBy) + state.pausedMs).toISOString() };
    events.push({ type: 'incident.reprioritized.v1', data: { incidentId, reporterId, impact, from: state.priority, to, at: now, by, deadlines } });
  }
  if (severity !== undefined && severity !== state.severity) {
    events.push({ type: 'incident.severity_set.v1', data: { incidentId, reporterId, from: state.severity, to: severity, status: state.status, at: now, by } });
  }
  if (assigneeId !== undefined && assigneeId !== state.assigneeId) {
    events.push({ type: 'incident.assigned.v1', data: { incidentId, reporterId, assigneeId, at: now, by } });
  }
  if (status !== undefined && status !== state.status) {
    deadlines = deadlinesAfterPending({ ...state, deadlines }, now);
    events.push({
      type: 'incident.status_changed.v1',
      data: { incidentId, reporterId, from: state.status, to: status, at: now, by, deadlines, severity: severity ?? state.severity, ...deviceOf(state) },
    });
  }
  if (note !== undefined) events.push({ type: 'incident.note_added.v1', data: { incidentId, reporterId, note, at: now, by } });
  return events;
};

export const incidentDecider: Decider<IncidentState, IncidentCommand, IncidentEvent> = { initialState, evolve, decide };
