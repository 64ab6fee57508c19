import type {
  BookedSeat,
  BookingDiscount,
  BookingCancelReason,
  BookingEvent,
  ErrorCode,
  RefundReason,
} from '@tessera/contracts';
import type { Decider } from '../decider';
import { DomainError } from '../domain-error';
import { epochMillisOf, hasReached } from './time';

/**
 * Booking: one user's purchase of seats of one show, from held to confirmed (or expired,
 * cancelled, refunded). Stream `booking-{bookingId}`. Placing a booking decides on the show and
 * every seat at once, so it is `decidePlaceBooking` (place-booking.ts), not a command here.
 * An asynchronous placement is first `requested`; from there it is placed (by
 * `decidePlaceBooking`) or rejected (`RejectBooking`), and nothing else.
 */

export interface BookedTicket {
  ticketId: string;
  seatId: string;
}

/** A payment attempt that claimed the booking before charging, and has no outcome yet. */
export interface PaymentClaim {
  attemptId: string;
  startedAt: string;
  claimSeconds: number;
}

export interface PlacedBooking {
  status: 'held' | 'confirmed' | 'expired' | 'cancelled' | 'refunded';
  bookingId: string;
  userId: string;
  showId: string;
  seats: BookedSeat[];
  amount: number;
  currency: string;
  expiresAt: string;
  /** The voucher it was placed with; `amount` is after it. */
  discount?: BookingDiscount;
  /** Set once confirmed (or refunded after a lost hold). */
  paymentId?: string;
  tickets: BookedTicket[];
  cancelReason?: BookingCancelReason;
  refundId?: string;
  refundReason?: RefundReason;
  declinedPayments: number;
  /** Set while a payment attempt is charging the card (`booking.payment-started.v1`). */
  payment?: PaymentClaim;
}

export interface RejectedBooking {
  status: 'rejected';
  bookingId: string;
  userId: string;
  showId: string;
  seatIds: string[];
  code: ErrorCode;
  unavailableSeats: string[];
}

/** Asked for with `Prefer: respond-async` and answered 202; not settled yet. */
export interface RequestedBooking {
  status: 'requested';
  bookingId: string;
  userId: string;
  showId: string;
  seatIds: string[];
  voucherCode?: string;
}

export type BookingState = { status: 'none' } | RequestedBooking | PlacedBooking | RejectedBooking;

export const initialState: BookingState = { status: 'none' };

type At = { now: string };

/** Write down an asynchronous placement before answering 202, so it survives the process. */
export type RequestBooking = {
  type: 'RequestBooking';
  data: { bookingId: string; userId: string; showId: string; seatIds: string[]; voucherCode?: string };
};

/** The month and year a card is valid through; nothing else of the card reaches the domain. */
export interface CardExpiry {
  expMonth: number;
  expYear: number;
}

/**
 * How long a payment attempt's claim stands without an outcome. A charge takes seconds; an
 * attempt still open after this died with its process, and must not block the booking forever.
 */
export const PAYMENT_CLAIM_SECONDS = 60;

/**
 * Claim the held booking for a payment attempt before its card is charged (`attemptId` is the
 * paying request's command id). Refused before anything is claimed or charged when the hold has
 * ended, the booking is no longer held, the card has expired or another attempt is charging.
 */
export type StartPayment = {
  type: 'StartPayment';
  data: { bookingId: string; attemptId: string; card: CardExpiry };
  metadata: At;
};
/** Payment went through: sell the seats. `tickets` names one new ticket id per seat. */
export type ConfirmBooking = {
  type: 'ConfirmBooking';
  data: { bookingId: string; paymentId: string; tickets: BookedTicket[] };
  metadata: At;
};
/** Writes down that the hold ran out; the sweeper's command. */
export type ExpireBooking = { type: 'ExpireBooking'; data: { bookingId: string }; metadata: At };
/** Undo a booking: a held one is cancelled, a paid one is refunded under `refundId`. */
export type CancelBooking = {
  type: 'CancelBooking';
  data: { bookingId: string; reason: BookingCancelReason; refundId: string };
  metadata: At;
};
/** Give back a charge that could not become a sale because the hold was lost first. */
export type RefundBooking = {
  type: 'RefundBooking';
  data: { bookingId: string; refundId: string; paymentId: string };
  metadata: At;
};
/** An asynchronous placement could not hold its seats. */
export type RejectBooking = {
  type: 'RejectBooking';
  data: {
    bookingId: string;
    userId: string;
    showId: string;
    seatIds: string[];
    code: ErrorCode;
    unavailableSeats: string[];
  };
};
export type RecordPaymentDeclined = {
  type: 'RecordPaymentDeclined';
  data: { bookingId: string; declineCode: string };
};
export type BookingCommand =
  | RequestBooking
  | StartPayment
  | ConfirmBooking
  | ExpireBooking
  | CancelBooking
  | RefundBooking
  | RejectBooking
  | RecordPaymentDeclined;

export const isPlaced = (booking: BookingState): booking is PlacedBooking =>
  booking.status !== 'none' && booking.status !== 'requested' && booking.status !== 'rejected';

/** True while a payment attempt has claimed the held booking and its claim still stands at `now`. */
export const paymentInProgress = (booking: BookingState, now: string): boolean =>
  booking.status === 'held' &&
  booking.payment !== undefined &&
  epochMillisOf(now, 'now') < epochMillisOf(booking.payment.startedAt, 'startedAt') + booking.payment.claimSeconds * 1000;

/** A card is good through the last instant of its expiry month (UTC), and expired from the next. */
export const isCardExpired = ({ expMonth, expYear }: CardExpiry, now: string): boolean =>
  epochMillisOf(now, 'now') >= Date.UTC(expYear, expMonth, 1);

/** The booking with no payment attempt open: every outcome of an attempt ends its claim. */
const settled = ({ payment: _claim, ...booking }: PlacedBooking): PlacedBooking => booking;

export const evolve = (state: BookingState, event: BookingEvent): BookingState => {
  switch (event.type) {
    case 'booking.requested.v1':
      return { ...event.data, status: 'requested' };
    case 'booking.placed.v1':
      return { ...event.data, status: 'held', tickets: [], declinedPayments: 0 };
    case 'booking.rejected.v1':
      return { ...event.data, status: 'rejected' };
    case 'booking.payment-started.v1': {
      const { attemptId, startedAt, claimSeconds } = event.data;
      return isPlaced(state) ? { ...state, payment: { attemptId, startedAt, claimSeconds } } : state;
    }
    case 'booking.confirmed.v1':
      return isPlaced(state)
        ? { ...settled(state), status: 'confirmed', paymentId: event.data.paymentId, tickets: event.data.tickets }
        : state;
    case 'booking.expired.v1':
      return isPlaced(state) ? { ...settled(state), status: 'expired' } : state;
    case 'booking.cancelled.v1':
      return isPlaced(state) ? { ...settled(state), status: 'cancelled', cancelReason: event.data.reason } : state;
    case 'booking.refunded.v1':
      return isPlaced(state)
        ? {
            ...settled(state),
            status: 'refunded',
            paymentId: event.data.paymentId,
            refundId: event.data.refundId,
            refundReason: event.data.reason,
          }
        : state;
    case 'booking.payment-declined.v1':
      return isPlaced(state) ? { ...settled(state), declinedPayments: state.declinedPayments + 1 } : state;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

export const decide = (command: BookingCommand, state: BookingState): BookingEvent[] => {
  switch (command.type) {
    case 'RequestBooking':
      return request(command, state);
    case 'StartPayment':
      return startPayment(command, placed(state, command.data.bookingId));
    case 'ConfirmBooking':
      return confirm(command, placed(state, command.data.bookingId));
    case 'ExpireBooking': {
      if (state.status !== 'held' || !hasReached(command.metadata.now, state.expiresAt)) return [];
      const { bookingId, showId, expiresAt } = state;
      return [{ type: 'booking.expired.v1', data: { bookingId, showId, seatIds: seatIdsOf(state), expiresAt } }];
    }
    case 'CancelBooking':
      return cancel(command, placed(state, command.data.bookingId));
    case 'RefundBooking':
      return refundLatePayment(command, placed(state, command.data.bookingId));
    case 'RejectBooking':
      return reject(command, state);
    case 'RecordPaymentDeclined': {
      const booking = placed(state, command.data.bookingId);
      // An attempt that raced with the hold's end is of no interest to anyone.
      if (booking.status !== 'held') return [];
      const { bookingId, showId, amount, currency } = booking;
      return [
        {
          type: 'booking.payment-declined.v1',
          data: { bookingId, showId, amount, currency, declineCode: command.data.declineCode },
        },
      ];
    }
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown booking command ${JSON.stringify(_exhaustive)}`);
    }
  }
};

export const bookingDecider: Decider<BookingState, BookingCommand, BookingEvent> = { initialState, evolve, decide };

export const seatIdsOf = (booking: PlacedBooking): string[] => booking.seats.map((seat) => seat.seatId);

/**
 * A rejected booking exists as a record of the refusal, but there is nothing in it to act on; a
 * requested one has nothing in it yet (no seats held, no price).
 */
const placed = (state: BookingState, bookingId: string): PlacedBooking => {
  if (state.status === 'none') {
    throw new DomainError('BOOKING_NOT_FOUND', `booking ${bookingId} does not exist`, { bookingId });
  }
  if (state.status === 'rejected') {
    throw new DomainError('INVALID_BOOKING_STATE', 'the booking was rejected', { status: state.status });
  }
  if (state.status === 'requested') {
    // Clients know a requested booking as `pending` (API.md).
    throw new DomainError('INVALID_BOOKING_STATE', 'the booking is still being placed; try again shortly', { status: 'pending' });
  }
  return state;
};

const sameSeats = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((seatId, i) => seatId === b[i]);

/** The same user asking for the same seats of the same show under this booking id. */
export const isSameRequest = (booking: RequestedBooking, data: RequestBooking['data']): boolean =>
  booking.userId === data.userId && booking.showId === data.showId && sameSeats(booking.seatIds, data.seatIds) && booking.voucherCode === data.voucherCode;

const request = (command: RequestBooking, state: BookingState): BookingEvent[] => {
  if (state.status === 'none') return [{ type: 'booking.requested.v1', data: command.data }];
  // A retry (the same Idempotency-Key gives the same booking id) finds its request, or what it became.
  if (state.userId === command.data.userId) return [];
  // Someone else's booking: nothing about it is told.
  throw new DomainError('INVALID_BOOKING_STATE', `booking ${command.data.bookingId} exists already`);
};

const reject = (command: RejectBooking, state: BookingState): BookingEvent[] => {
  if (state.status === 'none') {
    throw new DomainError('BOOKING_NOT_FOUND', `no placement of booking ${command.data.bookingId} was asked for`, {
      bookingId: command.data.bookingId,
    });
  }
  // Placed or rejected already: another run of the same placement settled it first.
  if (state.status !== 'requested') return [];
  return [{ type: 'booking.rejected.v1', data: command.data }];
};

const invalidState = (booking: PlacedBooking, action: string): DomainError =>
  new DomainError('INVALID_BOOKING_STATE', `a ${booking.status} booking cannot be ${action}`, {
    status: booking.status,
  });

const holdExpired = (booking: PlacedBooking): DomainError =>
  new DomainError('HOLD_EXPIRED', `the hold ended at ${booking.expiresAt}`, {
    expiresAt: booking.expiresAt,
    seats: seatIdsOf(booking),
  });

const hasHoldEnded = (booking: PlacedBooking, now: string): boolean =>
  booking.status === 'expired' || (booking.status === 'held' && hasReached(now, booking.expiresAt));

const startPayment = (command: StartPayment, booking: PlacedBooking): BookingEvent[] => {
  const { attemptId, card } = command.data;
  const { now } = command.metadata;
  if (hasHoldEnded(booking, now)) throw holdExpired(booking);
  // Confirmed included: paying twice is refused (a replay of the same request is the handler's).
  if (booking.status !== 'held') throw invalidState(booking, 'paid');
  if (isCardExpired(card, now)) throw new DomainError('CARD_EXPIRED', 'the card has expired', {});
  // The same request again, after its process died mid-charge: it carries on under its claim
  // while the claim stands. A lapsed claim keeps cancels out no longer, so it claims again.
  if (booking.payment?.attemptId === attemptId && paymentInProgress(booking, now)) return [];
  if (paymentInProgress(booking, now)) {
    throw new DomainError('INVALID_BOOKING_STATE', 'another payment of this booking is in progress', {
      status: booking.status,
      paymentInProgress: true,
    });
  }
  const { bookingId, showId, amount, currency } = booking;
  return [
    {
      type: 'booking.payment-started.v1',
      data: { bookingId, showId, amount, currency, attemptId, startedAt: now, claimSeconds: PAYMENT_CLAIM_SECONDS },
    },
  ];
};

const confirm = (command: ConfirmBooking, booking: PlacedBooking): BookingEvent[] => {
  const { paymentId, tickets } = command.data;
  // A retry after a crash between append and answer finds its own payment already recorded.
  if (booking.status === 'confirmed' && booking.paymentId === paymentId) return [];
  if (hasHoldEnded(booking, command.metadata.now)) throw holdExpired(booking);
  if (booking.status !== 'held') throw invalidState(booking, 'paid');
  const seats = seatIdsOf(booking);
  const ticketSeats = tickets.map((ticket) => ticket.seatId);
  const oneTicketPerSeat =
    ticketSeats.length === seats.length &&
    new Set(ticketSeats).size === seats.length &&
    ticketSeats.every((seatId) => seats.includes(seatId)) &&
    new Set(tickets.map((ticket) => ticket.ticketId)).size === tickets.length;
  if (!oneTicketPerSeat) {
    throw new DomainError('VALIDATION_FAILED', 'a confirmation needs one new ticket per booked seat', {
      errors: [{ field: 'tickets', message: `expected one distinct ticket for each of ${seats.join(', ')}` }],
    });
  }
  const { bookingId, showId, amount, currency } = booking;
  return [{ type: 'booking.confirmed.v1', data: { bookingId, showId, paymentId, amount, currency, tickets } }];
};

const CLOSED: readonly PlacedBooking['status'][] = ['expired', 'cancelled', 'refunded'];

const cancel = (command: CancelBooking, booking: PlacedBooking): BookingEvent[] => {
  const { reason, refundId } = command.data;
  const { bookingId, showId, amount, currency } = booking;
  switch (booking.status) {
    case 'held':
      // Cancelling now would race the charge: the customer waits for its outcome. A show
      // cancellation does not wait; the attempt's confirmation then fails and refunds its charge.
      if (reason === 'customer_cancelled' && paymentInProgress(booking, command.metadata.now)) {
        throw new DomainError('INVALID_BOOKING_STATE', 'a payment of this booking is in progress; try again shortly', {
          status: booking.status,
          paymentInProgress: true,
        });
      }
      return [{ type: 'booking.cancelled.v1', data: { bookingId, showId, seatIds: seatIdsOf(booking), reason } }];
    case 'confirmed':
      return [
        {
          type: 'booking.refunded.v1',
          data: {
            bookingId,
            showId,
            refundId,
            paymentId: booking.paymentId as string,
            amount,
            currency,
            reason,
            seatIds: seatIdsOf(booking),
            ticketIds: booking.tickets.map((ticket) => ticket.ticketId),
          },
        },
      ];
    default:
      // A show cancellation sweeps all of the show's bookings and may meet one twice or one that
      // had already ended: there is nothing left to undo. A customer deserves the refusal.
      if (reason === 'show_cancelled' && CLOSED.includes(booking.status)) return [];
      throw invalidState(booking, 'cancelled');
  }
};

const refundLatePayment = (command: RefundBooking, booking: PlacedBooking): BookingEvent[] => {
  if (booking.status === 'refunded') return [];
  const holdLost =
    booking.status === 'expired' ||
    booking.status === 'cancelled' ||
    (booking.status === 'held' && hasReached(command.metadata.now, booking.expiresAt));
  if (!holdLost) throw invalidState(booking, 'refunded for a lost hold');
  const { bookingId, showId, amount, currency } = booking;
  const { refundId, paymentId } = command.data;
  return [
    {
      type: 'booking.refunded.v1',
      data: { bookingId, showId, refundId, paymentId, amount, currency, reason: 'hold_lost', seatIds: [], ticketIds: [] },
    },
  ];
};
