import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { EmbeddedReadStore } from '@tessera/platform/read-store/embedded';
import { collectionName, RECENT_EVENTS, RECENT_EVENTS_CAPACITY, recentEventsDescriptor, type RecentEventDoc } from '@tessera/read-models';
import { ProjectionEngine } from '../projection-engine';
import { recentEventsProjection } from './recent-events.projection';

/** The ring of the last events: capped at its capacity, newest kept, the same after a redelivery or a rebuild. */
describe('the recent-events projection', () => {
  const seatHeld = (position: number): RecordedEvent => ({
    id: `id-${position}`,
    stream: `seat-show-1-A-1-${position}`,
    type: 'seat.held.v1',
    revision: 0,
    position,
    data: { showId: 'show-1', seatId: `A-1-${position}`, bookingId: `b-${position}`, expiresAt: '2027-04-01T10:10:00.000Z' },
    metadata: { actorId: 'u', correlationId: 'c', causationId: 'k', occurredAt: `2027-04-01T10:00:00.000Z`, schemaVersion: 1 },
    recordedAt: '2027-04-01T10:00:00.000Z',
  });

  const newest = async (store: EmbeddedReadStore, limit: number) =>
    (
      await store
        .collection<RecentEventDoc>(collectionName(recentEventsDescriptor, RECENT_EVENTS))
        .find({}, { sort: { _position: -1 }, limit })
    ).map((doc) => doc.event.position);

  it('keeps the newest events up to its capacity, and a redelivered batch changes nothing', async () => {
    const store = new EmbeddedReadStore();
    const engine = new ProjectionEngine(store, [recentEventsProjection]);
    await engine.load();
    const total = RECENT_EVENTS_CAPACITY + 25;
    // Every other position, as a log with other events between them would give.
    const events = Array.from({ length: total }, (_, i) => seatHeld(2 * i + 1));
    for (let i = 0; i < events.length; i += 500) await engine.apply(events.slice(i, i + 500));
    const collection = store.collection(collectionName(recentEventsDescriptor, RECENT_EVENTS));
    expect(await collection.countDocuments()).toBe(RECENT_EVENTS_CAPACITY);
    expect(await newest(store, 3)).toEqual([2 * total - 1, 2 * total - 3, 2 * total - 5]);
    const all = await newest(store, RECENT_EVENTS_CAPACITY + 10);
    expect(all).toHaveLength(RECENT_EVENTS_CAPACITY);
    expect(all[all.length - 1]).toBe(2 * 25 + 1);

    // At least once: the last batch again (a crash before its checkpoint).
    const fresh = new ProjectionEngine(store, [recentEventsProjection]);
    await fresh.apply(events.slice(-500));
    expect(await newest(store, RECENT_EVENTS_CAPACITY + 10)).toEqual(all);
  });

  it('holds the event as the live feed shows it', async () => {
    const store = new EmbeddedReadStore();
    const engine = new ProjectionEngine(store, [recentEventsProjection]);
    await engine.apply([seatHeld(7)]);
    const [doc] = await store.collection<RecentEventDoc>(collectionName(recentEventsDescriptor, RECENT_EVENTS)).find({});
    expect(doc.event).toEqual({
      id: 'id-7',
      position: 7,
      type: 'seat.held.v1',
      stream: 'seat-show-1-A-1-7',
      occurredAt: '2027-04-01T10:00:00.000Z',
      data: seatHeld(7).data,
    });
  });
});
