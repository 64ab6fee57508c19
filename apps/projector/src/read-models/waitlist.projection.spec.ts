import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { EmbeddedReadStore } from '@tessera/platform/read-store/embedded';
import { collectionName, WAITLIST_ENTRIES, type WaitlistEntryDoc } from '@tessera/read-models';
import { DocumentBatch } from '../projection';
import { waitlistProjection } from './waitlist.projection';

/** The waiting-list entries as GET /api/me/waitlist reads them. */

const at = '2027-04-01T10:00:00.000Z';
let revision = 0;
const recorded = (type: string, data: Record<string, unknown>): RecordedEvent => {
  revision += 1;
  return { id: `e${revision}`, stream: 'waitlist-s1', type, revision, position: revision, data: { showId: 's1', ...data }, metadata: { actorId: 'a', correlationId: 'c', causationId: `c${revision}`, occurredAt: at, schemaVersion: 1 }, recordedAt: at };
};

const project = async (store: EmbeddedReadStore, ...batches: RecordedEvent[][]) => {
  for (const events of batches) {
    const batch = new DocumentBatch(store, (logical) => collectionName(waitlistProjection, logical));
    for (const event of events) await waitlistProjection.apply(event, batch);
    await batch.write();
  }
  const docs = await store.collection<WaitlistEntryDoc>(collectionName(waitlistProjection, WAITLIST_ENTRIES)).find({}, { sort: { number: 1 } });
  return docs.map(({ _position: _p, ...doc }) => doc);
};

describe('the waitlist read model', () => {
  it('follows each entry from joining through its offer to its end', async () => {
    const events = [
      recorded('waitlist.joined.v1', { entryId: 'w1', userId: 'u1', categoryId: 'vip', seats: 2, number: 1 }),
      recorded('waitlist.joined.v1', { entryId: 'w2', userId: 'u2', categoryId: null, seats: 1, number: 2 }),
      recorded('waitlist.joined.v1', { entryId: 'w3', userId: 'u3', categoryId: null, seats: 1, number: 3 }),
      recorded('waitlist.offered.v1', { entryId: 'w1', userId: 'u1', bookingId: 'b1', seatIds: ['A-1-1', 'A-1-2'], expiresAt: '2027-04-01T10:10:00.000Z' }),
      recorded('waitlist.offered.v1', { entryId: 'w2', userId: 'u2', bookingId: 'b2', seatIds: ['A-1-3'], expiresAt: '2027-04-01T10:10:00.000Z' }),
      recorded('waitlist.fulfilled.v1', { entryId: 'w1', userId: 'u1', bookingId: 'b1' }),
      recorded('waitlist.offer-expired.v1', { entryId: 'w2', userId: 'u2', bookingId: 'b2', reason: 'expired' }),
      recorded('waitlist.left.v1', { entryId: 'w3', userId: 'u3' }),
    ];
    // The second batch repeats the first's last events, as after a crash before the checkpoint moved.
    const docs = await project(new EmbeddedReadStore(), events.slice(0, 5), events.slice(3));
    expect(docs.map((doc) => [doc.entryId, doc.userId, doc.number, doc.status, doc.bookingId])).toEqual([
      ['w1', 'u1', 1, 'fulfilled', 'b1'],
      ['w2', 'u2', 2, 'expired', 'b2'],
      ['w3', 'u3', 3, 'left', undefined],
    ]);
    expect(docs[0]).toMatchObject({ showId: 's1', categoryId: 'vip', seats: 2, joinedAt: at, expiresAt: '2027-04-01T10:10:00.000Z' });
  });
});
