import type { BookingView } from '@tessera/contracts';
import type { ReadStore } from '@tessera/platform/read-store/read-store.port';
import type { TicketCodes } from '@tessera/platform/security/ticket-codes';
import { type BookingSummary, collectionName, type TicketDoc, TICKETS, ticketsDescriptor } from '@tessera/read-models';

/**
 * What a user's booking reads share. Ticket codes are signed here, from (ticketId, version): the
 * read model never stores a code, and a transfer (new version) makes the previous owner's code
 * stop working.
 */

/** Ticket id → ticket, of tickets the user owns now. */
export type OwnedTickets = ReadonlyMap<string, TicketDoc>;

/**
 * The tickets among `ticketIds` that `userId` owns now, in the order of `ticketIds` (read-only
 * documents: nothing here changes them). A ticket another user owns is left out, whatever list
 * named it.
 */
export const ticketsOwnedBy = async (reads: ReadStore, userId: string, ticketIds: readonly string[]): Promise<OwnedTickets> => {
  if (ticketIds.length === 0) return new Map();
  const found = await reads.collection<TicketDoc>(collectionName(ticketsDescriptor, TICKETS)).find({ _id: { $in: [...ticketIds] } }, { readOnly: true });
  const byId = new Map(found.map((ticket) => [ticket._id, ticket]));
  const owned = new Map<string, TicketDoc>();
  for (const ticketId of ticketIds) {
    const ticket = byId.get(ticketId);
    if (ticket && ticket.ownerId === userId) owned.set(ticketId, ticket);
  }
  return owned;
};

/** The ids of the tickets of these bookings. */
export const ticketIdsOf = (bookings: readonly Pick<BookingSummary, 'tickets'>[]): string[] =>
  bookings.flatMap((booking) => booking.tickets.map((ticket) => ticket.ticketId));

/** A booking's tickets are listed with their codes while the user still owns them. */
export const bookingViewOf = (booking: BookingSummary, owned: OwnedTickets, codes: TicketCodes): BookingView => ({
  bookingId: booking.bookingId,
  showId: booking.showId,
  status: booking.status,
  seats: booking.seats,
  expiresAt: booking.expiresAt,
  amount: booking.amount,
  currency: booking.currency,
  tickets: booking.tickets.flatMap(({ ticketId, seatId }) => {
    const ticket = owned.get(ticketId);
    return ticket ? [{ ticketId, seatId, code: codes.sign({ ticketId, version: ticket.version }) }] : [];
  }),
});
