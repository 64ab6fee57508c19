import type { SeatReleaseReason, TicketVoidReason } from '@tessera/contracts';
import { DomainError } from '../domain-error';
import * as Booking from './booking';
import { byStream, type BookingDecision } from './decisions';
import * as Seat from './seat';
import * as Ticket from './ticket';
import * as Voucher from './voucher';

/**
 * Undoing a booking frees its seats and voids its tickets in the same atomic append as the
 * booking's own `booking.cancelled.v1` or `booking.refunded.v1`, so no reader ever sees a
 * refunded booking whose seat is still sold. Used by the customer's cancel and by the show
 * cancellation reaction (reason `show_cancelled`, which is idempotent).
 */
export const decideCancelBooking = ({
  booking,
  seats,
  tickets,
  voucher = Voucher.initialState,
  command,
}: {
  booking: Booking.BookingState;
  seats: Readonly<Record<string, Seat.SeatState>>;
  /** The state of each of the booking's tickets (none before it was paid). */
  tickets: Readonly<Record<string, Ticket.TicketState>>;
  /** The booking's voucher (`discount.code`), when it was placed with one. */
  voucher?: Voucher.VoucherState;
  command: Booking.CancelBooking;
}): BookingDecision => {
  const { reason } = command.data;
  if (
    reason === 'customer_cancelled' &&
    Booking.isPlaced(booking) &&
    booking.tickets.some(({ ticketId }) => tickets[ticketId]?.status === 'checked_in')
  ) {
    throw new DomainError('INVALID_BOOKING_STATE', 'a ticket of this booking was already used at the gate', {
      status: booking.status,
    });
  }
  const bookingEvents = Booking.decide(command, booking);
  const [event] = bookingEvents;
  if (!event || !Booking.isPlaced(booking)) return { booking: [], seats: {}, tickets: {} };

  const { bookingId, showId } = booking;
  const paid = event.type === 'booking.refunded.v1';
  const seatReason: SeatReleaseReason =
    reason === 'show_cancelled' ? 'show_cancelled' : paid ? 'refunded' : 'cancelled';
  const ticketReason: TicketVoidReason = reason === 'show_cancelled' ? 'show_cancelled' : 'booking_refunded';

  const seatEvents = Booking.seatIdsOf(booking).map((seatId): [string, ReturnType<typeof Seat.decide>] => [
    seatId,
    Seat.decide(
      { type: 'ReleaseSeat', data: { showId, seatId, bookingId, reason: seatReason } },
      Object.hasOwn(seats, seatId) ? seats[seatId] : Seat.initialState,
    ),
  ]);
  const ticketEvents = (paid ? booking.tickets : []).map(({ ticketId }): [string, ReturnType<typeof Ticket.decide>] => [
    ticketId,
    Ticket.decide(
      { type: 'VoidTicket', data: { ticketId, reason: ticketReason } },
      Object.hasOwn(tickets, ticketId) ? tickets[ticketId] : Ticket.initialState,
    ),
  ]);
  return { booking: bookingEvents, seats: byStream(seatEvents), tickets: byStream(ticketEvents), ...Voucher.releaseFor(booking, voucher, 'cancelled') };
};
