import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { fanAudienceOf, type Owners } from './fan-view';

/** What a fan may see of each event (fan-view.ts). */
describe('the fan view of the live feed', () => {
  const owners: Owners = {
    bookingOwner: async (bookingId) => ({ b1: 'alice', b2: 'bob' })[bookingId],
    ticketOwnerAt: async (ticketId, revision) => (ticketId === 't1' ? ['alice', 'bob', 'bob'][revision] : undefined),
  };
  const event = (type: string, data: Record<string, unknown>, revision = 0): RecordedEvent => ({
    id: 'e',
    stream: `${type.split('.')[0]}-x`,
    type,
    revision,
    position: 1,
    data,
    metadata: { actorId: 'a', correlationId: 'c', causationId: 'k', occurredAt: '2027-01-01T00:00:00.000Z', schemaVersion: 1 },
    recordedAt: '2027-01-01T00:00:00.000Z',
  });

  it('shows every fan the seats, as showId and seatId only', async () => {
    for (const type of ['seat.held.v1', 'seat.released.v1', 'seat.sold.v1']) {
      expect(await fanAudienceOf(event(type, { showId: 's', seatId: 'A-1-1', bookingId: 'b2', ticketId: 't9', expiresAt: 'x', reason: 'expired' }), owners)).toEqual({
        kind: 'every-fan',
        data: { showId: 's', seatId: 'A-1-1' },
      });
    }
  });

  it('shows a booking event to its owner, named by the event or by the booking stream', async () => {
    expect(await fanAudienceOf(event('booking.placed.v1', { bookingId: 'b9', userId: 'carol' }), owners)).toEqual({ kind: 'owners', views: [['carol', { bookingId: 'b9', userId: 'carol' }]] });
    expect(await fanAudienceOf(event('booking.confirmed.v1', { bookingId: 'b2', showId: 's' }), owners)).toEqual({ kind: 'owners', views: [['bob', { bookingId: 'b2', showId: 's' }]] });
    expect(await fanAudienceOf(event('booking.expired.v1', { bookingId: 'unknown' }), owners)).toEqual({ kind: 'staff-only' });
  });

  it('shows a ticket event to its owner at that revision; a transfer to both sides, each without the other', async () => {
    expect(await fanAudienceOf(event('ticket.issued.v1', { ticketId: 't1', ownerId: 'alice' }), owners)).toEqual({ kind: 'owners', views: [['alice', { ticketId: 't1', ownerId: 'alice' }]] });
    expect(await fanAudienceOf(event('ticket.transferred.v1', { ticketId: 't1', fromOwnerId: 'alice', toOwnerId: 'bob', version: 2 }, 1), owners)).toEqual({
      kind: 'owners',
      views: [
        ['alice', { ticketId: 't1', version: 2, direction: 'out' }],
        ['bob', { ticketId: 't1', version: 2, direction: 'in' }],
      ],
    });
    expect(await fanAudienceOf(event('ticket.checked-in.v1', { ticketId: 't1', showId: 's', seatId: 'A-1-1', version: 2, checkedInAt: 'x', byStaffId: 'staff-7' }, 2), owners)).toEqual({
      kind: 'owners',
      views: [['bob', { ticketId: 't1', showId: 's', seatId: 'A-1-1', version: 2, checkedInAt: 'x' }]],
    });
  });

  it('keeps shows and any type it does not know to staff', async () => {
    expect(await fanAudienceOf(event('show.created.v1', { showId: 's' }), owners)).toEqual({ kind: 'staff-only' });
    expect(await fanAudienceOf(event('show.cancelled.v1', { showId: 's' }), owners)).toEqual({ kind: 'staff-only' });
    expect(await fanAudienceOf(event('incident.created.v1', { incidentId: 'i' }), owners)).toEqual({ kind: 'staff-only' });
    expect(await fanAudienceOf(event('account.registered.v1', { email: 'a@b.c', passwordHash: 'h' }), owners)).toEqual({ kind: 'staff-only' });
  });
});
