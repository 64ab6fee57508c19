import type { IncidentEvent, IncidentSeverity, IncidentStatus } from '@tessera/contracts';
import { DeciderSpecification } from '../testing/decider-specification';
import { incidentDecider, type IncidentCommand, TRANSITIONS } from './incident';
import { priorityOf, type SlaPolicy } from './priority';

const spec = DeciderSpecification.for(incidentDecider);

const T0 = Date.parse('2027-05-01T18:00:00.000Z');
/** Minutes after the report. */
const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();

const SLA: SlaPolicy = {
  P1: { acknowledgeMinutes: 5, resolveMinutes: 60 },
  P2: { acknowledgeMinutes: 15, resolveMinutes: 240 },
  P3: { acknowledgeMinutes: 60, resolveMinutes: 1440 },
  P4: { acknowledgeMinutes: 240, resolveMinutes: 4320 },
};
const P3_DEADLINES = { acknowledgeBy: at(60), resolveBy: at(1440) };

const report = (urgency: 'low' | 'medium' | 'high' = 'medium'): IncidentCommand => ({
  type: 'ReportIncident',
  data: {
    incidentId: 'i1',
    reporterId: 'fan1',
    title: 'Seat 12 broken',
    description: 'The armrest is loose.',
    location: { showId: 's1', seatId: 'A-1-12' },
    category: 'seat',
    urgency,
  },
  metadata: { now: at(0), sla: SLA },
});

const reported = (overrides: Partial<Extract<IncidentEvent, { type: 'incident.reported.v1' }>['data']> = {}): IncidentEvent => ({
  type: 'incident.reported.v1',
  data: {
    incidentId: 'i1',
    reporterId: 'fan1',
    title: 'Seat 12 broken',
    description: 'The armrest is loose.',
    location: { showId: 's1', seatId: 'A-1-12' },
    category: 'seat',
    urgency: 'medium',
    source: 'report',
    impact: 'medium',
    priority: 'P3',
    severity: 'medium',
    reportedAt: at(0),
    deadlines: P3_DEADLINES,
    ...overrides,
  },
});

const update = (fields: Omit<Extract<IncidentCommand, { type: 'UpdateIncident' }>['data'], 'incidentId' | 'by'>, minutes = 10): IncidentCommand => ({
  type: 'UpdateIncident',
  data: { incidentId: 'i1', by: 'staff1', ...fields },
  metadata: { now: at(minutes), sla: SLA },
});

const changed = (from: IncidentStatus, to: IncidentStatus, minutes = 10, deadlines = P3_DEADLINES, severity: IncidentSeverity = 'medium'): IncidentEvent => ({
  type: 'incident.status_changed.v1',
  data: { incidentId: 'i1', reporterId: 'fan1', from, to, at: at(minutes), by: 'staff1', deadlines, severity },
});

/** The events that bring incident i1 to `status` the shortest way by hand. */
const PATHS: Record<IncidentStatus, IncidentEvent[]> = {
  new: [reported()],
  acknowledged: [reported(), changed('new', 'acknowledged', 1)],
  in_progress: [reported(), changed('new', 'acknowledged', 1), changed('acknowledged', 'in_progress', 2)],
  pending: [reported(), changed('new', 'acknowledged', 1), changed('acknowledged', 'in_progress', 2), changed('in_progress', 'pending', 3)],
  resolved: [reported(), changed('new', 'acknowledged', 1), changed('acknowledged', 'in_progress', 2), changed('in_progress', 'resolved', 3)],
  closed: [
    reported(),
    changed('new', 'acknowledged', 1),
    changed('acknowledged', 'in_progress', 2),
    changed('in_progress', 'resolved', 3),
    changed('resolved', 'closed', 4),
  ],
};
const STATUSES = Object.keys(PATHS) as IncidentStatus[];

const breach = (kind: 'acknowledge' | 'resolve', minutes: number): IncidentCommand => ({
  type: 'RecordSlaBreach',
  data: { incidentId: 'i1', kind },
  metadata: { now: at(minutes) },
});
const breached = (kind: 'acknowledge' | 'resolve', minutes: number, deadline = kind === 'acknowledge' ? at(60) : at(1440)): IncidentEvent => ({
  type: 'incident.sla_breached.v1',
  data: { incidentId: 'i1', reporterId: 'fan1', kind, deadline, detectedAt: at(minutes), priority: 'P3', severity: 'medium' },
});

const raise: IncidentCommand = {
  type: 'RaiseFromDevice',
  data: {
    incidentId: 'i1',
    deviceId: 'gate-7',
    venueId: 'arena',
    deviceType: 'gate_scanner',
    ruleId: 'offline',
    severity: 'critical',
    raisedAt: at(0),
    reading: { status: 'offline' },
  },
  metadata: { sla: SLA },
};
const raisedFromDevice: IncidentEvent = {
  type: 'incident.reported.v1',
  data: {
    incidentId: 'i1',
    source: 'device',
    title: 'offline: gate_scanner gate-7',
    description: 'Device rule offline raised critical on gate_scanner gate-7 at venue arena.',
    location: {},
    category: 'facility',
    urgency: 'high',
    impact: 'high',
    priority: 'P1',
    severity: 'critical',
    reporterId: 'device:gate-7',
    venueId: 'arena',
    deviceId: 'gate-7',
    deviceType: 'gate_scanner',
    ruleId: 'offline',
    reading: { status: 'offline' },
    reportedAt: at(0),
    deadlines: { acknowledgeBy: at(5), resolveBy: at(60) },
  },
};
const clear = (minutes = 20): IncidentCommand => ({
  type: 'ResolveFromDevice',
  data: { incidentId: 'i1', deviceId: 'gate-7', clearedAt: at(minutes) },
});
const autoResolved = (from: IncidentStatus, minutes = 20, resolveBy = at(60)): IncidentEvent => ({
  type: 'incident.status_changed.v1',
  data: {
    incidentId: 'i1',
    reporterId: 'device:gate-7',
    from,
    to: 'resolved',
    at: at(minutes),
    by: 'device:gate-7',
    reason: 'device_cleared',
    deadlines: { acknowledgeBy: at(5), resolveBy },
    severity: 'critical',
    deviceId: 'gate-7',
    venueId: 'arena',
  },
});

describe('Incident', () => {
  describe('priority from urgency × impact', () => {
    it.each([
      ['high', 'high', 'P1'],
      ['medium', 'high', 'P2'],
      ['low', 'high', 'P3'],
      ['high', 'medium', 'P2'],
      ['medium', 'medium', 'P3'],
      ['low', 'medium', 'P4'],
      ['high', 'low', 'P3'],
      ['medium', 'low', 'P4'],
      ['low', 'low', 'P4'],
    ] as const)('urgency %s × impact %s is %s', (urgency, impact, priority) => {
      expect(priorityOf(urgency, impact)).toBe(priority);
    });
  });

  describe('ReportIncident', () => {
    it('opens a new incident at impact medium, severity of its urgency and the deadlines of its priority', () => {
      spec.given([]).when(report()).then([reported()]);
    });

    it('makes a high-urgency report P2 with severity high and the P2 deadlines', () => {
      spec
        .given([])
        .when(report('high'))
        .then([reported({ urgency: 'high', priority: 'P2', severity: 'high', deadlines: { acknowledgeBy: at(15), resolveBy: at(240) } })]);
    });

    it('makes a low-urgency report P4 with severity low', () => {
      spec
        .given([])
        .when(report('low'))
        .then([reported({ urgency: 'low', priority: 'P4', severity: 'low', deadlines: { acknowledgeBy: at(240), resolveBy: at(4320) } })]);
    });

    it('refuses an id that was used already', () => {
      spec.given([reported()]).when(report()).thenThrows('INCIDENT_EXISTS');
    });
  });

  describe('the status workflow', () => {
    const legal = STATUSES.flatMap((from) => TRANSITIONS[from].map((to) => [from, to] as const));
    const illegal = STATUSES.flatMap((from) => STATUSES.filter((to) => to !== from && !TRANSITIONS[from].includes(to)).map((to) => [from, to] as const));

    it('allows exactly the moves of API.md, reopen included', () => {
      expect(legal).toEqual([
        ['new', 'acknowledged'],
        ['acknowledged', 'in_progress'],
        ['in_progress', 'pending'],
        ['in_progress', 'resolved'],
        ['pending', 'in_progress'],
        ['pending', 'resolved'],
        ['resolved', 'closed'],
        ['resolved', 'in_progress'],
        ['closed', 'in_progress'],
      ]);
    });

    it.each(legal)('moves %s → %s', (from, to) => {
      // Pending since minute 3, left at minute 10: the resolve clock was paused 7 minutes.
      const deadlines = from === 'pending' ? { ...P3_DEADLINES, resolveBy: at(1447) } : P3_DEADLINES;
      spec.given(PATHS[from]).when(update({ status: to })).then([changed(from, to, 10, deadlines)]);
    });

    it.each(illegal)('refuses %s → %s with INVALID_TRANSITION', (from, to) => {
      spec.given(PATHS[from]).when(update({ status: to })).thenThrows('INVALID_TRANSITION', { from, to, allowed: TRANSITIONS[from] });
    });

    it('writes nothing when the status asked for is the one it has (a retried PATCH)', () => {
      spec.given(PATHS.acknowledged).when(update({ status: 'acknowledged' })).thenNothing();
    });

    it('refuses the whole update when the move is illegal: no assignment, no note', () => {
      spec.given(PATHS.new).when(update({ status: 'closed', assigneeId: 'staff2', note: 'done' })).thenThrows('INVALID_TRANSITION');
    });

    it('reopens a closed incident to in_progress and lets it resolve again', () => {
      spec
        .given([...PATHS.closed, changed('closed', 'in_progress', 5)])
        .when(update({ status: 'resolved' }, 6))
        .then([changed('in_progress', 'resolved', 6)]);
    });

    it('refuses any change to an incident that does not exist', () => {
      spec.given([]).when(update({ status: 'acknowledged' })).thenThrows('INCIDENT_NOT_FOUND');
    });
  });

  describe('staff changes', () => {
    it('assigns the incident, and takes the assignment away', () => {
      spec
        .given(PATHS.new)
        .when(update({ assigneeId: 'staff2' }))
        .then([{ type: 'incident.assigned.v1', data: { incidentId: 'i1', reporterId: 'fan1', assigneeId: 'staff2', at: at(10), by: 'staff1' } }]);
      spec
        .given([...PATHS.new, { type: 'incident.assigned.v1', data: { incidentId: 'i1', reporterId: 'fan1', assigneeId: 'staff2', at: at(5), by: 'staff1' } }])
        .when(update({ assigneeId: null }))
        .then([{ type: 'incident.assigned.v1', data: { incidentId: 'i1', reporterId: 'fan1', assigneeId: null, at: at(10), by: 'staff1' } }]);
    });

    it('writes nothing for the assignee it already has', () => {
      spec
        .given([...PATHS.new, { type: 'incident.assigned.v1', data: { incidentId: 'i1', reporterId: 'fan1', assigneeId: 'staff2', at: at(5), by: 'staff1' } }])
        .when(update({ assigneeId: 'staff2' }))
        .thenNothing();
    });

    it('adds a note, even the same one twice (notes are a log, not a value)', () => {
      const noted: IncidentEvent = { type: 'incident.note_added.v1', data: { incidentId: 'i1', reporterId: 'fan1', note: 'on my way', at: at(10), by: 'staff1' } };
      spec.given([...PATHS.new, noted]).when(update({ note: 'on my way' })).then([noted]);
    });

    it('sets the severity without touching the priority', () => {
      spec
        .given(PATHS.new)
        .when(update({ severity: 'critical' }))
        .then([{ type: 'incident.severity_set.v1', data: { incidentId: 'i1', reporterId: 'fan1', from: 'medium', to: 'critical', status: 'new', at: at(10), by: 'staff1' } }]);
    });

    it('re-prioritises on a new impact, with deadlines counted from the report', () => {
      const deadlines = { acknowledgeBy: at(15), resolveBy: at(240) };
      spec
        .given(PATHS.new)
        .when(update({ impact: 'high' }))
        .then([{ type: 'incident.reprioritized.v1', data: { incidentId: 'i1', reporterId: 'fan1', impact: 'high', from: 'P3', to: 'P2', at: at(10), by: 'staff1', deadlines } }]);
    });

    it('writes nothing for the impact it already has', () => {
      spec.given(PATHS.new).when(update({ impact: 'medium' })).thenNothing();
    });

    it('does everything of one PATCH in order: impact, severity, assignee, status (with the new deadlines), note', () => {
      const deadlines = { acknowledgeBy: at(240), resolveBy: at(4320) };
      spec
        .given(PATHS.new)
        .when(update({ impact: 'low', severity: 'low', assigneeId: 'staff2', status: 'acknowledged', note: 'minor' }))
        .then([
          { type: 'incident.reprioritized.v1', data: { incidentId: 'i1', reporterId: 'fan1', impact: 'low', from: 'P3', to: 'P4', at: at(10), by: 'staff1', deadlines } },
          { type: 'incident.severity_set.v1', data: { incidentId: 'i1', reporterId: 'fan1', from: 'medium', to: 'low', status: 'new', at: at(10), by: 'staff1' } },
          { type: 'incident.assigned.v1', data: { incidentId: 'i1', reporterId: 'fan1', assigneeId: 'staff2', at: at(10), by: 'staff1' } },
          changed('new', 'acknowledged', 10, deadlines, 'low'),
          { type: 'incident.note_added.v1', data: { incidentId: 'i1', reporterId: 'fan1', note: 'minor', at: at(10), by: 'staff1' } },
        ]);
    });
  });

  describe('RaiseFromDevice', () => {
    it('opens a device incident: critical is P1, the clocks start when the rule raised', () => {
      spec.given([]).when(raise).then([raisedFromDevice]);
    });

    it('writes nothing for a raise it has already turned into this incident (a redelivery)', () => {
      spec.given([raisedFromDevice]).when(raise).thenNothing();
    });
  });

  describe('ResolveFromDevice', () => {
    it.each(['new', 'acknowledged', 'in_progress', 'pending'] as const)('resolves a %s device incident when its rule clears', (status) => {
      const byHand: Record<typeof status, IncidentEvent[]> = {
        new: [],
        acknowledged: [changed('new', 'acknowledged', 1, raisedFromDevice.data.deadlines)],
        in_progress: [changed('new', 'acknowledged', 1, raisedFromDevice.data.deadlines), changed('acknowledged', 'in_progress', 2, raisedFromDevice.data.deadlines)],
        pending: [
          changed('new', 'acknowledged', 1, raisedFromDevice.data.deadlines),
          changed('acknowledged', 'in_progress', 2, raisedFromDevice.data.deadlines),
          changed('in_progress', 'pending', 3, raisedFromDevice.data.deadlines),
        ],
      };
      // A pending incident's resolve clock was paused from minute 3 to the clear at 20.
      spec.given([raisedFromDevice, ...byHand[status]]).when(clear()).then([autoResolved(status, 20, status === 'pending' ? at(77) : at(60))]);
    });

    it("names the device and venue in staff's status changes of a device incident", () => {
      spec
        .given([raisedFromDevice])
        .when(update({ status: 'acknowledged' }, 2))
        .then([
          {
            type: 'incident.status_changed.v1',
            data: {
              incidentId: 'i1',
              reporterId: 'device:gate-7',
              from: 'new',
              to: 'acknowledged',
              at: at(2),
              by: 'staff1',
              deadlines: raisedFromDevice.data.deadlines,
              severity: 'critical',
              deviceId: 'gate-7',
              venueId: 'arena',
            },
          },
        ]);
    });

    it('writes nothing when it was resolved already (by staff, or by this clear before)', () => {
      spec.given([raisedFromDevice, autoResolved('new')]).when(clear(30)).thenNothing();
    });

    it('refuses a clear whose time is not an instant', () => {
      spec.given([raisedFromDevice]).when({ type: 'ResolveFromDevice', data: { incidentId: 'i1', deviceId: 'gate-7', clearedAt: 'soon' } }).thenThrows('VALIDATION_FAILED');
    });

    it('refuses a raise whose time is not an instant', () => {
      spec.given([]).when({ ...raise, data: { ...raise.data, raisedAt: 'yesterday' } } as IncidentCommand).thenThrows('VALIDATION_FAILED');
    });

    it('refuses a clear for an incident that does not exist', () => {
      spec.given([]).when(clear()).thenThrows('INCIDENT_NOT_FOUND');
    });
  });

  describe('RecordSlaBreach', () => {
    it('records a missed acknowledge deadline', () => {
      spec.given(PATHS.new).when(breach('acknowledge', 61)).then([breached('acknowledge', 61)]);
    });

    it('records it at the deadline sharp', () => {
      spec.given(PATHS.new).when(breach('acknowledge', 60)).then([breached('acknowledge', 60)]);
    });

    it('records nothing before the deadline', () => {
      spec.given(PATHS.new).when(breach('acknowledge', 59)).thenNothing();
    });

    it('records nothing when it was acknowledged in time', () => {
      spec.given(PATHS.acknowledged).when(breach('acknowledge', 61)).thenNothing();
    });

    it('records a breach when it was acknowledged, but late', () => {
      spec.given([reported(), changed('new', 'acknowledged', 70)]).when(breach('acknowledge', 71)).then([breached('acknowledge', 71)]);
    });

    it('records each kind once', () => {
      spec.given([...PATHS.new, breached('acknowledge', 61)]).when(breach('acknowledge', 62)).thenNothing();
    });

    it('records a missed resolve deadline on an incident still open', () => {
      spec.given(PATHS.in_progress).when(breach('resolve', 1441)).then([breached('resolve', 1441)]);
    });

    it('records no resolve breach while the incident is pending: its clock is paused', () => {
      spec.given(PATHS.pending).when(breach('resolve', 1441)).thenNothing();
    });

    it('records the breach when the deadline had passed before the incident went pending', () => {
      spec
        .given([...PATHS.in_progress, changed('in_progress', 'pending', 1500)])
        .when(breach('resolve', 1501))
        .then([breached('resolve', 1501)]);
    });

    it('moves the resolve deadline on by the pause, and measures against the moved one', () => {
      const moved = { ...P3_DEADLINES, resolveBy: at(1440 + 97) };
      const resumed = [...PATHS.pending, changed('pending', 'in_progress', 100, moved)];
      spec.given(resumed).when(breach('resolve', 1441)).thenNothing();
      spec
        .given(resumed)
        .when(breach('resolve', 1537))
        .then([breached('resolve', 1537, at(1537))]);
    });

    it('keeps the pauses so far when a new impact recomputes the deadlines', () => {
      const moved = { ...P3_DEADLINES, resolveBy: at(1440 + 97) };
      spec
        .given([...PATHS.pending, changed('pending', 'in_progress', 100, moved)])
        .when(update({ impact: 'high' }, 110))
        .then([
          {
            type: 'incident.reprioritized.v1',
            data: { incidentId: 'i1', reporterId: 'fan1', impact: 'high', from: 'P3', to: 'P2', at: at(110), by: 'staff1', deadlines: { acknowledgeBy: at(15), resolveBy: at(240 + 97) } },
          },
        ]);
    });

    it('records nothing when it was resolved in time, nor when closed after', () => {
      spec.given(PATHS.resolved).when(breach('resolve', 1441)).thenNothing();
      spec.given(PATHS.closed).when(breach('resolve', 1441)).thenNothing();
    });

    it('records a breach when a reopen leaves it unresolved past the deadline', () => {
      spec.given([...PATHS.resolved, changed('resolved', 'in_progress', 100)]).when(breach('resolve', 1441)).then([breached('resolve', 1441)]);
    });

    it('measures against the deadlines of the current priority', () => {
      const deadlines = { acknowledgeBy: at(15), resolveBy: at(240) };
      const reprioritized: IncidentEvent = {
        type: 'incident.reprioritized.v1',
        data: { incidentId: 'i1', reporterId: 'fan1', impact: 'high', from: 'P3', to: 'P2', at: at(1), by: 'staff1', deadlines },
      };
      spec
        .given([reported(), reprioritized])
        .when(breach('acknowledge', 16))
        .then([{ ...breached('acknowledge', 16, at(15)), data: { ...breached('acknowledge', 16, at(15)).data, priority: 'P2' } } as IncidentEvent]);
    });

    it('names the venue of a device incident in its breach', () => {
      spec
        .given([raisedFromDevice])
        .when({ type: 'RecordSlaBreach', data: { incidentId: 'i1', kind: 'acknowledge' }, metadata: { now: at(6) } })
        .then([
          {
            type: 'incident.sla_breached.v1',
            data: { incidentId: 'i1', reporterId: 'device:gate-7', kind: 'acknowledge', deadline: at(5), detectedAt: at(6), priority: 'P1', severity: 'critical', venueId: 'arena' },
          },
        ]);
    });

    it('counts a device incident resolved before anyone acknowledged it as answered in time', () => {
      spec
        .given([raisedFromDevice, autoResolved('new', 3)])
        .when({ type: 'RecordSlaBreach', data: { incidentId: 'i1', kind: 'acknowledge' }, metadata: { now: at(6) } })
        .thenNothing();
    });

    it('refuses an incident that does not exist', () => {
      spec.given([]).when(breach('resolve', 1441)).thenThrows('INCIDENT_NOT_FOUND');
    });
  });
});
