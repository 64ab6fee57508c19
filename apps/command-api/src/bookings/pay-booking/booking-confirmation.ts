import { ticketStream, type PayBookingResponse } from '@tessera/contracts';
import { DomainError } from '@tessera/domain';
import { StreamReads } from '@tessera/platform/commands/handle-command';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { TicketCodes } from '@tessera/platform/security/ticket-codes';
import { positionOfAppend, readBooking, readTickets } from '../box-office-streams';

/**
 * The replayed answer of a payment: the booking's confirmation as the log has it, with each
 * ticket's current code and the position of the append that confirmed it. A booking that is not
 * confirmed answers INVALID_BOOKING_STATE.
 */
export const confirmationFromLog = async (store: EventStore, codes: TicketCodes, bookingId: string): Promise<PayBookingResponse> => {
  const streams = new StreamReads(store);
  const { state, events } = await readBooking(streams, bookingId);
  if (state.status !== 'confirmed') {
    throw new DomainError('INVALID_BOOKING_STATE', `a ${state.status} booking cannot be paid`, { status: state.status });
  }
  const confirmed = events.find((event) => event.type === 'booking.confirmed.v1');
  const tickets = await readTickets(streams, state.tickets.map((ticket) => ticket.ticketId));
  const position = confirmed
    ? await positionOfAppend(store, state.tickets.map(({ ticketId }) => ticketStream(ticketId)), confirmed)
    : events[events.length - 1].position;
  return {
    bookingId,
    status: 'confirmed',
    tickets: state.tickets.map(({ ticketId, seatId }) => {
      const ticket = tickets[ticketId];
      const version = ticket && ticket.status !== 'none' ? ticket.version : 1;
      return { ticketId, seatId, code: codes.sign({ ticketId, version }) };
    }),
    position: String(position),
  };
};
