import * as Booking from './booking';
import { byStream, type BookingDecision } from './decisions';
import * as Seat from './seat';
import * as Voucher from './voucher';

/**
 * The expiry sweeper's decision: write down that a booking's hold ran out, and release each of
 * its seats that this booking still holds (a seat already re-held by someone else, which lazy
 * expiry allows, is left alone). Idempotent: a booking that is not due decides nothing.
 */
export const decideExpireBooking = ({
  booking,
  seats,
  voucher = Voucher.initialState,
  command,
}: {
  booking: Booking.BookingState;
  seats: Readonly<Record<string, Seat.SeatState>>;
  /** The booking's voucher (`discount.code`), when it was placed with one. */
  voucher?: Voucher.VoucherState;
  command: Booking.ExpireBooking;
}): Pick<BookingDecision, 'booking' | 'seats' | 'voucher'> => {
  const bookingEvents = Booking.decide(command, booking);
  if (bookingEvents.length === 0 || !Booking.isPlaced(booking)) return { booking: [], seats: {} };
  const { bookingId, showId } = booking;
  const seatEvents = Booking.seatIdsOf(booking).map((seatId): [string, ReturnType<typeof Seat.decide>] => [
    seatId,
    Seat.decide(
      { type: 'ExpireHold', data: { showId, seatId, bookingId }, metadata: command.metadata },
      Object.hasOwn(seats, seatId) ? seats[seatId] : Seat.initialState,
    ),
  ]);
  return { booking: bookingEvents, seats: byStream(seatEvents), ...Voucher.releaseFor(booking, voucher, 'expired') };
};
