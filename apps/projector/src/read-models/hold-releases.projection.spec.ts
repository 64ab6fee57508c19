import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { EmbeddedReadStore } from '@tessera/platform/read-store/embedded';
import { collectionName, HOLD_RELEASE_OWNERS, HOLD_RELEASE_TOTALS, HOLD_RELEASES, type HoldReleasesDoc, type HoldReleaseTotalsDoc } from '@tessera/read-models';
import { DocumentBatch } from '../projection';
import { holdReleasesProjection } from './hold-releases.projection';

/** Holds released before payment, per show and account, and the totals the anti-hoarding metric reads. */

const at = '2027-04-01T10:00:00.000Z';
let position = 0;
const recorded = (stream: string, type: string, data: unknown): RecordedEvent => {
  position += 1;
  return { id: `e${position}`, stream, type, revision: 0, position, data, metadata: { actorId: 'a', correlationId: 'c', causationId: `c${position}`, occurredAt: at, schemaVersion: 1 }, recordedAt: at };
};
const placed = (bookingId: string, userId: string, showId = 's1') =>
  recorded(`booking-${bookingId}`, 'booking.placed.v1', { bookingId, userId, showId, seats: [{ seatId: 'A-1-1', price: 100 }], amount: 100, currency: 'EUR', expiresAt: at });
const expired = (bookingId: string, showId = 's1') => recorded(`booking-${bookingId}`, 'booking.expired.v1', { bookingId, showId, seatIds: ['A-1-1'], expiresAt: at });
const confirmed = (bookingId: string, showId = 's1') =>
  recorded(`booking-${bookingId}`, 'booking.confirmed.v1', { bookingId, showId, paymentId: `p-${bookingId}`, amount: 100, currency: 'EUR', tickets: [] });
const cancelled = (bookingId: string, reason = 'customer_cancelled', showId = 's1') => recorded(`booking-${bookingId}`, 'booking.cancelled.v1', { bookingId, showId, seatIds: ['A-1-1'], reason });

const project = async (store: EmbeddedReadStore, ...batches: RecordedEvent[][]) => {
  for (const events of batches) {
    const batch = new DocumentBatch(store, (logical) => collectionName(holdReleasesProjection, logical));
    for (const event of events) await holdReleasesProjection.apply(event, batch);
    await batch.write();
  }
  const pairs = await store.collection<HoldReleasesDoc>(collectionName(holdReleasesProjection, HOLD_RELEASES)).find({});
  const totals = await store.collection<HoldReleaseTotalsDoc>(collectionName(holdReleasesProjection, HOLD_RELEASE_TOTALS)).findOne({ _id: 'all' });
  return { pairs: Object.fromEntries(pairs.map((doc) => [doc._id, doc.releases])), totals };
};

describe('the hold releases read model', () => {
  it('counts releases per show and account, by ordinal and reason; a show’s cancellation is nobody’s release', async () => {
    const events = [
      placed('b1', 'u1'),
      placed('b2', 'u1'),
      placed('b3', 'u1'),
      placed('b4', 'u2'),
      placed('b5', 'u1', 's2'),
      placed('b6', 'u2'),
      cancelled('b1'),
      expired('b2'),
      cancelled('b3'),
      expired('b4'),
      expired('b5', 's2'),
      cancelled('b6', 'show_cancelled'),
    ];
    const { pairs, totals } = await project(new EmbeddedReadStore(), events);
    expect(pairs).toEqual({ 's1:u1': 3, 's1:u2': 1, 's2:u1': 1 });
    expect(totals?.accountsByReleases).toEqual([2, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(totals?.releasesByOrdinal).toEqual({ expired: [2, 1, 0, 0, 0, 0, 0, 0, 0, 0], cancelled: [1, 0, 1, 0, 0, 0, 0, 0, 0, 0] });
  });

  it('keeps a booking’s owner only while it is held: paid, expired or cancelled, it goes', async () => {
    const store = new EmbeddedReadStore();
    const events = [placed('k1', 'u1'), placed('k2', 'u1'), placed('k3', 'u2'), placed('k4', 'u2'), confirmed('k1'), expired('k2'), cancelled('k3')];
    const { pairs } = await project(store, events.slice(0, 4), events.slice(4));
    const owners = await store.collection(collectionName(holdReleasesProjection, HOLD_RELEASE_OWNERS)).find({});
    expect(owners.map((doc) => doc._id)).toEqual(['k4']);
    expect(pairs).toEqual({ 's1:u1': 1, 's1:u2': 1 });
  });

  it('keeps ten and more in the last bucket', async () => {
    const events = Array.from({ length: 12 }, (_, i) => [placed(`x${i}`, 'u9'), expired(`x${i}`)]).flat();
    const { totals } = await project(new EmbeddedReadStore(), events);
    expect(totals?.accountsByReleases).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(totals?.releasesByOrdinal.expired).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 3]);
  });

  it('counts an event delivered again (after a crash, before the checkpoint moved) once', async () => {
    const events = [placed('r1', 'u1'), expired('r1'), placed('r2', 'u1'), cancelled('r2')];
    const { pairs, totals } = await project(new EmbeddedReadStore(), events.slice(0, 3), events.slice(1));
    expect(pairs).toEqual({ 's1:u1': 2 });
    expect(totals?.accountsByReleases.slice(0, 2)).toEqual([0, 1]);
    expect(totals?.releasesByOrdinal).toMatchObject({ expired: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0], cancelled: [0, 1, 0, 0, 0, 0, 0, 0, 0, 0] });
  });
});
