import type { BookingDiscount } from './voucher.events';
import type { ErrorCode } from '../errors';
import type { DomainEvent } from '../events/envelope';

/** Events of the stream `booking-{bookingId}`. Card data never appears here. */

/** A seat of a booking with the price it was held at (prices are frozen at placement). */
export interface BookedSeat {
  seatId: string;
  categoryId: string;
  /** Minor units of the booking's currency. */
  price: number;
}

/**
 * A placement asked for with `Prefer: respond-async`, written before the 202 is answered: the
 * first event of its stream. It is a promise to settle, kept by the command side's settler (a
 * subscription to the log), which ends it in `booking.placed.v1` or `booking.rejected.v1`. Who
 * asked, and in which request, is in the event's metadata (`actorId`, `correlationId`,
 * `causationId`); the settlement keeps the actor and correlation id and names this event as its
 * cause.
 */
export type BookingRequested = DomainEvent<
  'booking.requested.v1',
  {
    bookingId: string;
    userId: string;
    showId: string;
    /** The seats asked for, as asked. */
    seatIds: string[];
    /** The voucher asked for (normalised); absent without one. */
    voucherCode?: string;
  }
>;

/** The booking's seats were held for the user; it is payable until `expiresAt`. */
export type BookingPlaced = DomainEvent<
  'booking.placed.v1',
  {
    bookingId: string;
    userId: string;
    showId: string;
    seats: BookedSeat[];
    /** What is payable, minor units: the sum of the seats' prices less `discount.amount`. */
    amount: number;
    currency: string;
    /** ISO 8601 UTC: the same instant as every one of its `seat.held.v1`. */
    expiresAt: string;
    /** The voucher it was placed with (its use is in the same append); absent without one. */
    discount?: BookingDiscount;
  }
>;

/** Payment succeeded and every seat was sold: one ticket per seat. */
export type BookingConfirmed = DomainEvent<
  'booking.confirmed.v1',
  {
    bookingId: string;
    showId: string;
    /** The payment provider's id of the charge. */
    paymentId: string;
    amount: number;
    currency: string;
    tickets: { ticketId: string; seatId: string }[];
  }
>;

/** The hold ran out before payment; its seats are free. */
export type BookingExpired = DomainEvent<
  'booking.expired.v1',
  { bookingId: string; showId: string; seatIds: string[]; expiresAt: string }
>;

/** Why a booking that was only held was called off. */
export type BookingCancelReason = 'customer_cancelled' | 'show_cancelled';

/** A held (unpaid) booking was called off; nothing was charged. */
export type BookingCancelled = DomainEvent<
  'booking.cancelled.v1',
  { bookingId: string; showId: string; seatIds: string[]; reason: BookingCancelReason }
>;

/** Why money was given back. `hold_lost`: a payment arrived after the hold had ended. */
export type RefundReason = 'customer_cancelled' | 'show_cancelled' | 'hold_lost';

/** Money taken for the booking was given back; its tickets (if any) are void. */
export type BookingRefunded = DomainEvent<
  'booking.refunded.v1',
  {
    bookingId: string;
    showId: string;
    /** The id of the refund, also its idempotency key at the payment provider. */
    refundId: string;
    /** The charge being refunded. */
    paymentId: string;
    amount: number;
    currency: string;
    reason: RefundReason;
    /** Seats the booking had bought and releases now; empty for a `hold_lost` refund. */
    seatIds: string[];
    /** Tickets to void; empty for a `hold_lost` refund. */
    ticketIds: string[];
  }
>;

/**
 * An asynchronous placement (`Prefer: respond-async`) could not hold its seats. It is the last
 * event of its stream, after its `booking.requested.v1` (logs written before that event existed
 * have it as the only one), and carries the user so that reads can check ownership.
 */
export type BookingRejected = DomainEvent<
  'booking.rejected.v1',
  {
    bookingId: string;
    userId: string;
    showId: string;
    /** The seats asked for. */
    seatIds: string[];
    /** The refusal the synchronous path would have answered with. */
    code: ErrorCode;
    /** The seats that were unknown or not free (empty when the refusal was not about seats). */
    unavailableSeats: string[];
  }
>;

/** A payment attempt was declined; the hold stays until it expires. For conversion analytics. */
export type BookingPaymentDeclined = DomainEvent<
  'booking.payment-declined.v1',
  {
    bookingId: string;
    showId: string;
    amount: number;
    currency: string;
    /** The provider's decline reason, e.g. `card_declined`. Never card data. */
    declineCode: string;
  }
>;

/**
 * A payment attempt claimed the held booking, before its card is charged: written at the
 * booking's revision, so a cancel that got there first makes the attempt stop before any money
 * moves, and a cancel that comes later waits for the attempt's outcome instead of racing the
 * charge. The attempt ends in `booking.confirmed.v1`, `booking.payment-declined.v1` or (the hold
 * was lost meanwhile) `booking.refunded.v1`; the hold's expiry or the show's cancellation ends it
 * too. An attempt that never ends (its process died) stops standing in the way `claimSeconds`
 * after `startedAt`. Read models leave it out: the booking reads as held until the outcome.
 */
export type BookingPaymentStarted = DomainEvent<
  'booking.payment-started.v1',
  {
    bookingId: string;
    showId: string;
    amount: number;
    currency: string;
    /** The paying request's command id: its retry (same Idempotency-Key) resumes the attempt. */
    attemptId: string;
    /** ISO 8601 UTC. */
    startedAt: string;
    /** How long the claim stands without an outcome. */
    claimSeconds: number;
  }
>;

export type BookingEvent =
  | BookingRequested
  | BookingPlaced
  | BookingConfirmed
  | BookingExpired
  | BookingCancelled
  | BookingRefunded
  | BookingRejected
  | BookingPaymentDeclined
  | BookingPaymentStarted;

export const BOOKING_EVENT_TYPES = [
  'booking.requested.v1',
  'booking.placed.v1',
  'booking.confirmed.v1',
  'booking.expired.v1',
  'booking.cancelled.v1',
  'booking.refunded.v1',
  'booking.rejected.v1',
  'booking.payment-declined.v1',
  'booking.payment-started.v1',
] as const satisfies readonly BookingEvent['type'][];
