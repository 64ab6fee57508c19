import { DomainError } from '../domain-error';
import * as Booking from './booking';
import { byStream, type BookingDecision } from './decisions';
import * as Seat from './seat';
import * as Ticket from './ticket';

/**
 * Confirming a paid booking sells each of its seats and issues a ticket per seat, in one atomic
 * append over the booking, its seats and the new tickets. Being pure, it doubles as the check
 * before charging: call it first, charge, then call it again on freshly read streams and append.
 * If the hold was lost in between, it throws HOLD_EXPIRED and the charge must be refunded
 * (`RefundBooking`), never turned into a sale.
 */
export const decidePayBooking = ({
  booking,
  seats,
  command,
}: {
  booking: Booking.BookingState;
  /** The state of each of the booking's seats; a seat with no stream may be left out. */
  seats: Readonly<Record<string, Seat.SeatState>>;
  command: Booking.ConfirmBooking;
}): BookingDecision => {
  const bookingEvents = Booking.decide(command, booking);
  // Decided nothing: a retry of a confirmation that already happened.
  if (bookingEvents.length === 0 || !Booking.isPlaced(booking)) return { booking: [], seats: {}, tickets: {} };

  const { bookingId, showId, userId } = booking;
  const now = command.metadata.now;
  const lost: string[] = [];
  const seatEvents = command.data.tickets.map(({ seatId, ticketId }): [string, ReturnType<typeof Seat.decide>] => {
    const state = Object.hasOwn(seats, seatId) ? seats[seatId] : Seat.initialState;
    try {
      return [seatId, Seat.decide({ type: 'SellSeat', data: { showId, seatId, bookingId, ticketId }, metadata: { now } }, state)];
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      lost.push(seatId);
      return [seatId, []];
    }
  });
  if (lost.length > 0) {
    throw new DomainError('HOLD_EXPIRED', `the hold on ${lost.join(', ')} was lost`, { seats: lost });
  }
  const ticketEvents = command.data.tickets.map(({ seatId, ticketId }): [string, ReturnType<typeof Ticket.decide>] => [
    ticketId,
    Ticket.decide(
      { type: 'IssueTicket', data: { ticketId, bookingId, showId, seatId, ownerId: userId } },
      Ticket.initialState,
    ),
  ]);
  return { booking: bookingEvents, seats: byStream(seatEvents), tickets: byStream(ticketEvents) };
};
