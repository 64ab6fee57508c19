import type { ErrorCode } from '@tessera/contracts';
import { DomainError } from '../domain-error';
import { initialState, isPlaced, isSameRequest, type BookingState, type RejectBooking } from './booking';
import { byStream, type BookingDecision } from './decisions';
import * as Seat from './seat';
import * as Voucher from './voucher';
import { seatOf, type ShowSeat, type ShowState } from './show';
import { addMinutes, hasReached } from './time';

/**
 * Placing a booking is the one decision that spans a show and many seats: the show says which
 * seats exist and what they cost, each seat's own stream says whether it is free. The handler
 * reads the booking, the show and every requested seat stream, calls this, and appends
 * `booking-{id}` and every seat stream at the revision it read; those revisions are the fencing
 * tokens. A booking is placed from nothing (the synchronous path, `booking-{id}` expected not to
 * exist) or from its `booking.requested.v1` (the asynchronous path, expected at that revision).
 */

export type PlaceBooking = {
  type: 'PlaceBooking';
  data: { bookingId: string; userId: string; showId: string; seatIds: string[]; voucherCode?: string };
  metadata: { now: string };
};

export type PlaceBookingDecision = Pick<BookingDecision, 'booking' | 'seats' | 'voucher' | 'buyer'>;

/**
 * What one account holds and has bought of a show, from the bookings it placed before (their
 * streams as read now): a hold past its `expiresAt` is free already (the lazy expiry), a
 * confirmed booking's seats are bought.
 */
export const holdingsOf = (earlier: readonly BookingState[], now: string): { held: number; bought: number } => {
  let held = 0;
  let bought = 0;
  for (const booking of earlier) {
    if (!isPlaced(booking)) continue;
    if (booking.status === 'held' && !hasReached(now, booking.expiresAt)) held += booking.seats.length;
    if (booking.status === 'confirmed') bought += booking.seats.length;
  }
  return { held, bought };
};

export const decidePlaceBooking = ({
  booking = initialState,
  show,
  seats,
  voucher = Voucher.initialState,
  earlierBookings = [],
  command,
}: {
  /** The booking as read; left out, a new booking id (nothing to read: the synchronous path). */
  booking?: BookingState;
  show: ShowState;
  /** The state of each requested seat; a seat whose stream does not exist yet may be left out. */
  seats: Readonly<Record<string, Seat.SeatState>>;
  /** The state of `voucher-{showId}-{voucherCode}` when the command names a voucher. */
  voucher?: Voucher.VoucherState;
  /** For a show with per-account limits: the bookings this account placed for it before (`buyer-{showId}-{userId}`). */
  earlierBookings?: readonly BookingState[];
  command: PlaceBooking;
}): PlaceBookingDecision => {
  const { bookingId, userId, showId, seatIds } = command.data;
  const now = command.metadata.now;

  if (booking.status === 'requested' ? !isSameRequest(booking, command.data) : booking.status !== 'none') {
    throw new DomainError('INVALID_BOOKING_STATE', `booking ${bookingId} is ${booking.status}, not waiting to be placed`, {
      status: booking.status,
    });
  }
  if (show.status === 'none' || show.showId !== showId) {
    throw new DomainError('SHOW_NOT_FOUND', `show ${showId} does not exist`, { showId });
  }
  if (show.status !== 'on_sale') {
    throw new DomainError('SHOW_NOT_ON_SALE', `the show is ${show.status}, not on sale`, { status: show.status });
  }
  if (seatIds.length === 0 || new Set(seatIds).size !== seatIds.length) {
    throw new DomainError('VALIDATION_FAILED', 'a booking names one or more distinct seats', {
      errors: [{ field: 'seats', message: 'must be one or more distinct seat ids' }],
    });
  }
  if (seatIds.length > show.maxSeatsPerBooking) {
    throw new DomainError('TOO_MANY_SEATS', `at most ${show.maxSeatsPerBooking} seats per booking`, {
      max: show.maxSeatsPerBooking,
      requested: seatIds.length,
    });
  }
  const limited = show.maxSeatsHeldPerUser !== undefined || show.maxTicketsPerUser !== undefined;
  if (limited) {
    const { held, bought } = holdingsOf(earlierBookings, now);
    if (show.maxSeatsHeldPerUser !== undefined && held + seatIds.length > show.maxSeatsHeldPerUser) {
      throw new DomainError('HOLD_LIMIT_REACHED', `an account holds at most ${show.maxSeatsHeldPerUser} unpaid seats of this show; ${held} held now`, {
        max: show.maxSeatsHeldPerUser,
        held,
      });
    }
    if (show.maxTicketsPerUser !== undefined && bought + held + seatIds.length > show.maxTicketsPerUser) {
      throw new DomainError('TICKET_LIMIT_REACHED', `an account buys at most ${show.maxTicketsPerUser} seats of this show; ${bought} bought and ${held} held`, {
        max: show.maxTicketsPerUser,
        bought,
        held,
      });
    }
  }
  const found = seatIds.map((seatId) => seatOf(show, seatId));
  const unknown = seatIds.filter((_, i) => found[i] === undefined);
  if (unknown.length > 0) {
    throw new DomainError('SEAT_NOT_FOUND', `no such seat: ${unknown.join(', ')}`, { seats: unknown });
  }
  const showSeats = found as ShowSeat[];

  const expiresAt = addMinutes(now, show.holdMinutes);
  const unavailable: string[] = [];
  const seatEvents = seatIds.map((seatId): [string, ReturnType<typeof Seat.decide>] => {
    const state = Object.hasOwn(seats, seatId) ? seats[seatId] : Seat.initialState;
    try {
      return [seatId, Seat.decide({ type: 'HoldSeat', data: { showId, seatId, bookingId, expiresAt }, metadata: { now } }, state)];
    } catch (error) {
      if (error instanceof DomainError && error.code === 'SEATS_UNAVAILABLE') {
        unavailable.push(seatId);
        return [seatId, []];
      }
      throw error;
    }
  });
  if (unavailable.length > 0) {
    throw new DomainError('SEATS_UNAVAILABLE', `not available: ${unavailable.join(', ')}`, { seats: unavailable });
  }
  if (seatEvents.some(([, events]) => events.length === 0)) {
    // Only a re-hold by this same booking decides nothing, and a new booking id has no holds:
    // reaching here means the id was reused, which the append would refuse anyway.
    throw new DomainError('INVALID_BOOKING_STATE', `booking ${bookingId} already holds some of these seats`, {
      bookingId,
    });
  }

  const bookedSeats = showSeats.map(({ seatId, categoryId, price }) => ({ seatId, categoryId, price }));
  const total = bookedSeats.reduce((sum, seat) => sum + seat.price, 0);
  const { voucherCode } = command.data;
  // The use is taken in the same append as the holds: a refused voucher refuses the booking.
  const voucherEvents =
    voucherCode === undefined
      ? []
      : Voucher.decide({ type: 'RedeemVoucher', data: { showId, code: voucherCode, bookingId, userId, seats: bookedSeats }, metadata: { now } }, voucher);
  const redeemed = voucherEvents.find((event) => event.type === 'voucher.redeemed.v1');
  const discount = redeemed ? { code: redeemed.data.code, amount: redeemed.data.discount } : undefined;
  return {
    booking: [
      {
        type: 'booking.placed.v1',
        data: {
          bookingId,
          userId,
          showId,
          seats: bookedSeats,
          amount: total - (discount?.amount ?? 0),
          currency: show.currency,
          expiresAt,
          ...(discount ? { discount } : {}),
        },
      },
    ],
    seats: byStream(seatEvents),
    ...(voucherCode === undefined ? {} : { voucher: { code: voucherCode, events: voucherEvents } }),
    ...(limited ? { buyer: [{ type: 'buyer.booking-placed.v1' as const, data: { showId, userId, bookingId, seats: seatIds.length } }] } : {}),
  };
};

/**
 * The rejection an asynchronous placement writes when `decidePlaceBooking` refused: the same
 * code and seats the synchronous answer would have carried.
 */
export const rejectionOf = (command: PlaceBooking, refusal: DomainError): RejectBooking => {
  const seats = refusal.details['seats'];
  return {
    type: 'RejectBooking',
    data: {
      ...command.data,
      code: refusal.code as ErrorCode,
      unavailableSeats: Array.isArray(seats) ? seats.filter((seat): seat is string => typeof seat === 'string') : [],
    },
  };
};
