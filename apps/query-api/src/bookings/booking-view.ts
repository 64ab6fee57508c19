import type { BookingView } from '@tessera/contracts';
import type { ReadStore } from '@tessera/platform/read-store/read-store.port';
import type { TicketCodes } from '@tessera/platform/security/ticket-codes';
import { type BookingSummary, collectionName, ticketsDescriptor, USER_TICKETS, type UserTicketsDoc } from '@tessera/read-models';

/**
 * What a user's booking reads share. Ticket codes are signed here, from (ticketId, version): the
 * read model never stores a code, and a transfer (new version) makes the previous owner's code
 * stop working.
 */

export type OwnedTickets = UserTicketsDoc['tickets'];

export const ticketsOwnedBy = async (reads: ReadStore, userId: string): Promise<OwnedTickets> => {
  const doc = await reads.collection<UserTicketsDoc>(collectionName(ticketsDescriptor, USER_TICKETS)).findOne({ _id: userId });
  return doc?.tickets ?? {};
};

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
    const ticket = owned[ticketId];
    return ticket ? [{ ticketId, seatId, code: codes.sign({ ticketId, version: ticket.version }) }] : [];
  }),
});
