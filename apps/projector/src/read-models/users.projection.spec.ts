import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { EmbeddedReadStore } from '@tessera/platform/read-store/embedded';
import { collectionName, USERS, type UserDoc } from '@tessera/read-models';
import { DocumentBatch } from '../projection';
import { usersProjection } from './users.projection';

/** The users read model: the account's fields, and the counters of bookings and tickets that never count an event twice. */

const at = '2027-04-01T10:00:00.000Z';
let position = 0;
const recorded = (stream: string, type: string, data: unknown): RecordedEvent => {
  position += 1;
  return {
    id: `e${position}`,
    stream,
    type,
    revision: 0,
    position,
    data,
    metadata: { actorId: 'a', correlationId: 'c', causationId: `c${position}`, occurredAt: at, schemaVersion: 1 },
    recordedAt: at,
  };
};

const registered = (userId: string, email: string, displayName: string) =>
  recorded(`account-${userId}`, 'account.registered.v1', { userId, email, displayName, passwordHash: '$argon2id$secret', roles: ['user'] });
const placed = (bookingId: string, userId: string) =>
  recorded(`booking-${bookingId}`, 'booking.placed.v1', { bookingId, userId, showId: 's1', seats: [{ seatId: 'A-1-1', price: 100 }], amount: 100, currency: 'EUR', expiresAt: at });
const issued = (ticketId: string, ownerId: string) =>
  recorded(`ticket-${ticketId}`, 'ticket.issued.v1', { ticketId, bookingId: 'b1', showId: 's1', seatId: 'A-1-1', ownerId, version: 1 });
const transferred = (ticketId: string, fromOwnerId: string, toOwnerId: string) =>
  recorded(`ticket-${ticketId}`, 'ticket.transferred.v1', { ticketId, fromOwnerId, toOwnerId, version: 2 });
const voided = (ticketId: string) =>
  recorded(`ticket-${ticketId}`, 'ticket.voided.v1', { ticketId, bookingId: 'b1', showId: 's1', seatId: 'A-1-1', reason: 'booking_refunded' });

/** Applies the events in batches (each written before the next), as the projector does; a batch may repeat earlier events. */
const project = async (store: EmbeddedReadStore, ...batches: RecordedEvent[][]): Promise<Map<string, UserDoc>> => {
  for (const events of batches) {
    const batch = new DocumentBatch(store, (logical) => collectionName(usersProjection, logical));
    for (const event of events) await usersProjection.apply(event, batch);
    await batch.write();
  }
  const docs = await store.collection<UserDoc>(collectionName(usersProjection, USERS)).find({});
  return new Map(docs.map((doc) => [doc._id, doc]));
};

describe('the users read model', () => {
  it('holds the account as registered, with roles as changed and never the password hash', async () => {
    const ada = registered('u1', 'ada@example.com', 'Ada LOVELACE');
    const roles = recorded('account-u1', 'account.roles-changed.v1', { roles: ['user', 'staff'], byAdminId: 'admin' });
    const users = await project(new EmbeddedReadStore(), [ada, roles]);
    expect(users.get('u1')).toEqual({
      _id: 'u1',
      _position: roles.position,
      userId: 'u1',
      email: 'ada@example.com',
      displayName: 'Ada LOVELACE',
      displayNameLower: 'ada lovelace',
      roles: ['user', 'staff'],
      createdAt: at,
      registeredPosition: ada.position,
      bookingsCount: 0,
      ticketsCount: 0,
    });
    expect(JSON.stringify([...users.values()])).not.toContain('argon2');
  });

  it('counts placed bookings and the tickets held now, through a transfer and a void', async () => {
    const users = await project(new EmbeddedReadStore(), [
      registered('u1', 'ada@example.com', 'Ada'),
      registered('u2', 'bob@example.com', 'Bob'),
      placed('b1', 'u1'),
      placed('b2', 'u1'),
      issued('t1', 'u1'),
      issued('t2', 'u1'),
      issued('t3', 'u1'),
      transferred('t1', 'u1', 'u2'),
      voided('t2'),
      voided('t1'),
    ]);
    expect(users.get('u1')).toMatchObject({ bookingsCount: 2, ticketsCount: 1 });
    expect(users.get('u2')).toMatchObject({ bookingsCount: 0, ticketsCount: 0 });
  });

  it('counts an event once when a batch delivers it again after a crash (the checkpoint had not moved)', async () => {
    const events = [registered('u1', 'ada@example.com', 'Ada'), registered('u2', 'bob@example.com', 'Bob'), placed('b1', 'u1'), issued('t1', 'u1'), issued('t2', 'u1'), transferred('t1', 'u1', 'u2'), voided('t2')];
    const once = await project(new EmbeddedReadStore(), events);
    const replayed = await project(new EmbeddedReadStore(), events.slice(0, 5), events, events.slice(3));
    expect(replayed).toEqual(once);
    expect(once.get('u1')).toMatchObject({ bookingsCount: 1, ticketsCount: 0 });
    expect(once.get('u2')).toMatchObject({ ticketsCount: 1 });
  });

  it('does not count a second void of the same ticket, nor events of accounts the log never registered', async () => {
    const users = await project(new EmbeddedReadStore(), [registered('u1', 'ada@example.com', 'Ada'), issued('t1', 'u1'), issued('t2', 'u1'), voided('t1'), voided('t1'), placed('b9', 'ghost'), issued('t9', 'ghost')]);
    expect(users.get('u1')).toMatchObject({ ticketsCount: 1 });
    expect(users.has('ghost')).toBe(false);
  });
});
