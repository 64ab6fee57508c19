import type { IncidentEvent } from '@tessera/contracts';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { EmbeddedReadStore } from '@tessera/platform/read-store/embedded';
import { collectionName, INCIDENTS, incidentsDescriptor, type IncidentDoc } from '@tessera/read-models';
import { ProjectionEngine } from '../projection-engine';
import { incidentsProjection } from './incidents.projection';

const deadlines = { acknowledgeBy: '2027-05-01T19:00:00.000Z', resolveBy: '2027-05-02T18:00:00.000Z' };

const incidentEvents: IncidentEvent[] = [
  {
    type: 'incident.reported.v1',
    data: {
      incidentId: 'i1',
      source: 'report',
      title: 'Seat 12 broken',
      description: 'Loose armrest',
      location: { showId: 's1', seatId: 'A-1-12' },
      category: 'seat',
      urgency: 'medium',
      impact: 'medium',
      priority: 'P3',
      severity: 'medium',
      reporterId: 'fan1',
      reportedAt: '2027-05-01T18:00:00.000Z',
      deadlines,
    },
  },
  {
    type: 'incident.status_changed.v1',
    data: { incidentId: 'i1', reporterId: 'fan1', from: 'new', to: 'acknowledged', at: '2027-05-01T18:05:00.000Z', by: 'staff1', deadlines, severity: 'medium' },
  },
  { type: 'incident.assigned.v1', data: { incidentId: 'i1', reporterId: 'fan1', assigneeId: 'staff2', at: '2027-05-01T18:06:00.000Z', by: 'staff1' } },
  { type: 'incident.note_added.v1', data: { incidentId: 'i1', reporterId: 'fan1', note: 'on my way', at: '2027-05-01T18:07:00.000Z', by: 'staff2' } },
  {
    type: 'incident.status_changed.v1',
    data: { incidentId: 'i1', reporterId: 'fan1', from: 'acknowledged', to: 'in_progress', at: '2027-05-01T18:08:00.000Z', by: 'staff2', deadlines, severity: 'medium' },
  },
  {
    type: 'incident.sla_breached.v1',
    data: {
      incidentId: 'i1',
      reporterId: 'fan1',
      kind: 'resolve',
      deadline: deadlines.resolveBy,
      detectedAt: '2027-05-02T18:00:01.000Z',
      priority: 'P3',
      severity: 'medium',
    },
  },
  {
    type: 'incident.status_changed.v1',
    data: { incidentId: 'i1', reporterId: 'fan1', from: 'in_progress', to: 'resolved', at: '2027-05-02T18:10:00.000Z', by: 'staff2', deadlines, severity: 'medium' },
  },
];

const recorded = (events: IncidentEvent[], firstPosition = 1): RecordedEvent[] =>
  events.map((event, i) => ({
    id: `e${i}`,
    stream: `incident-${event.data.incidentId}`,
    type: event.type,
    revision: i,
    position: firstPosition + i,
    data: event.data,
    metadata: { actorId: 'x', correlationId: 'c', causationId: 'c', occurredAt: '2027-05-01T18:00:00.000Z', schemaVersion: 1 },
    recordedAt: '2027-05-01T18:00:00.000Z',
  }));

const incidentIn = async (store: EmbeddedReadStore, id: string): Promise<IncidentDoc | null> =>
  store.collection<IncidentDoc>(collectionName(incidentsDescriptor, INCIDENTS)).findOne({ _id: id });

describe('the incidents projection', () => {
  it('keeps each incident as it stands, with its history oldest first', async () => {
    const store = new EmbeddedReadStore();
    await new ProjectionEngine(store, [incidentsProjection]).apply(recorded(incidentEvents));
    const doc = await incidentIn(store, 'i1');
    expect(doc).toMatchObject({
      incidentId: 'i1',
      status: 'resolved',
      source: 'report',
      reporterId: 'fan1',
      assigneeId: 'staff2',
      createdAt: '2027-05-01T18:00:00.000Z',
      acknowledgedAt: '2027-05-01T18:05:00.000Z',
      resolvedAt: '2027-05-02T18:10:00.000Z',
      deadlines,
      breached: [{ kind: 'resolve', deadline: deadlines.resolveBy, detectedAt: '2027-05-02T18:00:01.000Z' }],
      reportedPosition: 1,
      _position: 7,
    });
    expect(doc?.history).toEqual([
      { at: '2027-05-01T18:00:00.000Z', actorId: 'fan1', change: 'reported', note: null },
      { at: '2027-05-01T18:05:00.000Z', actorId: 'staff1', change: 'status new → acknowledged', note: null },
      { at: '2027-05-01T18:06:00.000Z', actorId: 'staff1', change: 'assigned staff2', note: null },
      { at: '2027-05-01T18:07:00.000Z', actorId: 'staff2', change: 'note', note: 'on my way' },
      { at: '2027-05-01T18:08:00.000Z', actorId: 'staff2', change: 'status acknowledged → in_progress', note: null },
      { at: '2027-05-02T18:00:01.000Z', actorId: 'system:sla', change: 'sla_breached resolve', note: null },
      { at: '2027-05-02T18:10:00.000Z', actorId: 'staff2', change: 'status in_progress → resolved', note: null },
    ]);
  });

  it('changes nothing when the same events arrive again (a redelivery after a crash)', async () => {
    const store = new EmbeddedReadStore();
    const engine = new ProjectionEngine(store, [incidentsProjection]);
    const events = recorded(incidentEvents);
    await engine.apply(events);
    const once = await incidentIn(store, 'i1');
    await engine.apply(events.slice(2));
    expect(await incidentIn(store, 'i1')).toEqual(once);
  });

  it('clears the resolution on a reopen and keeps the first acknowledgement', async () => {
    const store = new EmbeddedReadStore();
    const reopened: IncidentEvent = {
      type: 'incident.status_changed.v1',
      data: { incidentId: 'i1', reporterId: 'fan1', from: 'resolved', to: 'in_progress', at: '2027-05-03T10:00:00.000Z', by: 'staff1', deadlines, severity: 'medium' },
    };
    await new ProjectionEngine(store, [incidentsProjection]).apply(recorded([...incidentEvents, reopened]));
    expect(await incidentIn(store, 'i1')).toMatchObject({ status: 'in_progress', resolvedAt: null, acknowledgedAt: '2027-05-01T18:05:00.000Z' });
  });

  it('has its indexes created when the projector loads, and on a rebuild’s collections', async () => {
    const store = new EmbeddedReadStore();
    const created: [string, unknown][] = [];
    const collection = store.collection.bind(store);
    const watched = new WeakSet<object>();
    jest.spyOn(store, 'collection').mockImplementation((name: string) => {
      const found = collection(name);
      if (watched.has(found)) return found;
      watched.add(found);
      const createIndex = found.createIndex.bind(found);
      found.createIndex = (keys, options) => {
        created.push([name, keys]);
        return createIndex(keys, options);
      };
      return found;
    });
    await new ProjectionEngine(store, [incidentsProjection]).load();
    await new ProjectionEngine(store, [incidentsProjection], '__rebuild').reset(incidentsProjection);
    expect(created).toEqual([
      ['incidents_v1', { reportedPosition: -1 }],
      ['incidents_v1', { reporterId: 1, reportedPosition: -1 }],
      ['incidents_v1__rebuild', { reportedPosition: -1 }],
      ['incidents_v1__rebuild', { reporterId: 1, reportedPosition: -1 }],
    ]);
  });
});
