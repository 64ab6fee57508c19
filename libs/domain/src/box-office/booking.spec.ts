import type { BookingEvent } from '@tessera/contracts';
import { DeciderSpecification } from '../testing/decider-specification';
import { bookingDecider, isCardExpired, PAYMENT_CLAIM_SECONDS, type BookingCommand, type CardExpiry } from './booking';
import { at, B1_TICKETS, bookingConfirmed, bookingPlaced, bookingRequested, SHOW_ID } from './spec-fixtures';

const spec = DeciderSpecification.for(bookingDecider);

const confirm = (now: string, paymentId = 'pay1', tickets = B1_TICKETS): BookingCommand => ({
  type: 'ConfirmBooking',
  data: { bookingId: 'b1', paymentId, tickets },
  metadata: { now },
});
const expire = (now: string): BookingCommand => ({ type: 'ExpireBooking', data: { bookingId: 'b1' }, metadata: { now } });
const cancel = (reason: 'customer_cancelled' | 'show_cancelled' = 'customer_cancelled', now = at(5)): BookingCommand => ({
  type: 'CancelBooking',
  data: { bookingId: 'b1', reason, refundId: 'r1' },
  metadata: { now },
});
/** The spec's clock runs in May 2027: a card good through 12/2030 is valid, 04/2027 is not. */
const GOOD_CARD: CardExpiry = { expMonth: 12, expYear: 2030 };
const startPayment = (now: string, attemptId = 'attempt1', card = GOOD_CARD): BookingCommand => ({
  type: 'StartPayment',
  data: { bookingId: 'b1', attemptId, card },
  metadata: { now },
});
const paymentStarted = (startedAt: string, attemptId = 'attempt1'): BookingEvent => ({
  type: 'booking.payment-started.v1',
  data: { bookingId: 'b1', showId: SHOW_ID, amount: 16500, currency: 'EUR', attemptId, startedAt, claimSeconds: PAYMENT_CLAIM_SECONDS },
});
const paymentDeclined: BookingEvent = {
  type: 'booking.payment-declined.v1',
  data: { bookingId: 'b1', showId: SHOW_ID, amount: 16500, currency: 'EUR', declineCode: 'card_declined' },
};
/** `at` counts minutes; a claim stands for PAYMENT_CLAIM_SECONDS. */
const afterClaim = (startedAt: string): string => new Date(Date.parse(startedAt) + PAYMENT_CLAIM_SECONDS * 1000).toISOString();
const refundLatePayment = (now: string): BookingCommand => ({
  type: 'RefundBooking',
  data: { bookingId: 'b1', refundId: 'r1', paymentId: 'pay1' },
  metadata: { now },
});
const requestBooking = (userId = 'u1'): BookingCommand => ({
  type: 'RequestBooking',
  data: { bookingId: 'b1', userId, showId: SHOW_ID, seatIds: ['A-1-1', 'B-1-2'] },
});
const reject: BookingCommand = {
  type: 'RejectBooking',
  data: { bookingId: 'b1', userId: 'u1', showId: SHOW_ID, seatIds: ['A-1-1', 'B-1-2'], code: 'SEATS_UNAVAILABLE', unavailableSeats: ['A-1-1'] },
};
const declined: BookingCommand = { type: 'RecordPaymentDeclined', data: { bookingId: 'b1', declineCode: 'card_declined' } };

const bookingRejected: BookingEvent = { type: 'booking.rejected.v1', data: reject.data as Extract<BookingEvent, { type: 'booking.rejected.v1' }>['data'] };
const bookingExpired: BookingEvent = {
  type: 'booking.expired.v1',
  data: { bookingId: 'b1', showId: SHOW_ID, seatIds: ['A-1-1', 'B-1-2'], expiresAt: at(10) },
};
const bookingCancelled = (reason: 'customer_cancelled' | 'show_cancelled'): BookingEvent => ({
  type: 'booking.cancelled.v1',
  data: { bookingId: 'b1', showId: SHOW_ID, seatIds: ['A-1-1', 'B-1-2'], reason },
});
const bookingRefunded = (reason: 'customer_cancelled' | 'show_cancelled'): BookingEvent => ({
  type: 'booking.refunded.v1',
  data: {
    bookingId: 'b1',
    showId: SHOW_ID,
    refundId: 'r1',
    paymentId: 'pay1',
    amount: 16500,
    currency: 'EUR',
    reason,
    seatIds: ['A-1-1', 'B-1-2'],
    ticketIds: ['t1', 't2'],
  },
});
const lateRefund: BookingEvent = {
  type: 'booking.refunded.v1',
  data: {
    bookingId: 'b1',
    showId: SHOW_ID,
    refundId: 'r1',
    paymentId: 'pay1',
    amount: 16500,
    currency: 'EUR',
    reason: 'hold_lost',
    seatIds: [],
    ticketIds: [],
  },
};

describe('Booking', () => {
  describe('RequestBooking', () => {
    it('writes the request down before anything is decided about the seats', () => {
      spec.given([]).when(requestBooking()).then([bookingRequested()]);
    });

    it.each([
      ['requested', [bookingRequested()]],
      ['placed', [bookingRequested(), bookingPlaced()]],
      ['rejected', [bookingRequested(), bookingRejected]],
    ])('decides nothing when the same user asks again and the booking is %s (a retry)', (_status, events) => {
      spec.given(events).when(requestBooking()).thenNothing();
    });

    it("refuses another user's booking id", () => {
      spec.given([bookingRequested()]).when(requestBooking('u2')).thenThrows('INVALID_BOOKING_STATE', {});
    });
  });

  describe('a requested booking', () => {
    it('cannot be paid yet: nothing is held', () => {
      spec.given([bookingRequested()]).when(confirm(at(1))).thenThrows('INVALID_BOOKING_STATE', { status: 'pending' });
    });

    it('cannot be cancelled yet', () => {
      spec.given([bookingRequested()]).when(cancel()).thenThrows('INVALID_BOOKING_STATE', { status: 'pending' });
    });

    it('has no hold to expire', () => {
      spec.given([bookingRequested()]).when(expire(at(30))).thenNothing();
    });

    it('is held once placed, like a booking placed at once', () => {
      spec.given([bookingRequested(), bookingPlaced()]).when(confirm(at(9))).then([bookingConfirmed()]);
    });
  });

  describe('ConfirmBooking', () => {
    it('confirms a held booking paid before its hold runs out', () => {
      spec.given([bookingPlaced()]).when(confirm(at(9))).then([bookingConfirmed()]);
    });

    it('refuses once the hold has run out, even before the sweeper wrote it down', () => {
      spec.given([bookingPlaced()]).when(confirm(at(10))).thenThrows('HOLD_EXPIRED', { expiresAt: at(10) });
    });

    it('refuses an expired booking', () => {
      spec.given([bookingPlaced(), bookingExpired]).when(confirm(at(5))).thenThrows('HOLD_EXPIRED');
    });

    it('refuses a cancelled booking', () => {
      spec.given([bookingPlaced(), bookingCancelled('customer_cancelled')]).when(confirm(at(5))).thenThrows('INVALID_BOOKING_STATE');
    });

    it('refuses a second payment of a confirmed booking', () => {
      spec.given([bookingPlaced(), bookingConfirmed()]).when(confirm(at(5), 'pay2')).thenThrows('INVALID_BOOKING_STATE', { status: 'confirmed' });
    });

    it('decides nothing when the same payment is confirmed again (a retry after a crash)', () => {
      spec.given([bookingPlaced(), bookingConfirmed()]).when(confirm(at(5), 'pay1')).thenNothing();
    });

    it('refuses tickets that do not match the seats one to one', () => {
      spec
        .given([bookingPlaced()])
        .when(confirm(at(5), 'pay1', [{ ticketId: 't1', seatId: 'A-1-1' }, { ticketId: 't2', seatId: 'A-1-1' }]))
        .thenThrows('VALIDATION_FAILED');
    });

    it('refuses a booking that does not exist', () => {
      spec.given([]).when(confirm(at(5))).thenThrows('BOOKING_NOT_FOUND');
    });

    it('refuses a rejected booking', () => {
      spec.given([bookingRejected]).when(confirm(at(5))).thenThrows('INVALID_BOOKING_STATE');
    });
  });

  describe('ExpireBooking', () => {
    it('expires a held booking whose hold has run out', () => {
      spec.given([bookingPlaced()]).when(expire(at(10))).then([bookingExpired]);
    });

    it('decides nothing before the hold runs out', () => {
      spec.given([bookingPlaced()]).when(expire(at(9))).thenNothing();
    });

    it('decides nothing for a booking that was paid in time', () => {
      spec.given([bookingPlaced(), bookingConfirmed()]).when(expire(at(30))).thenNothing();
    });

    it('decides nothing for a booking already expired (the sweeper ran twice)', () => {
      spec.given([bookingPlaced(), bookingExpired]).when(expire(at(30))).thenNothing();
    });
  });

  describe('StartPayment', () => {
    it('claims the held booking for the attempt before any money moves', () => {
      spec.given([bookingPlaced()]).when(startPayment(at(1))).then([paymentStarted(at(1))]);
    });

    it('lets the same attempt carry on under its claim (its retry after a crash)', () => {
      spec.given([bookingPlaced(), paymentStarted(at(1))]).when(startPayment(at(1.5))).thenNothing();
    });

    it('claims again for the same attempt once its claim has lapsed, so a cancel cannot slip in while it charges', () => {
      const lapsed = afterClaim(at(1));
      spec.given([bookingPlaced(), paymentStarted(at(1))]).when(startPayment(lapsed)).then([paymentStarted(lapsed)]);
    });

    it('refuses another attempt while the claim stands', () => {
      spec
        .given([bookingPlaced(), paymentStarted(at(1))])
        .when(startPayment(at(1.5), 'attempt2'))
        .thenThrows('INVALID_BOOKING_STATE', { status: 'held', paymentInProgress: true });
    });

    it('lets another attempt take over a claim that lapsed (its process died)', () => {
      const lapsed = afterClaim(at(1));
      spec.given([bookingPlaced(), paymentStarted(at(1))]).when(startPayment(lapsed, 'attempt2')).then([paymentStarted(lapsed, 'attempt2')]);
    });

    it('lets a new attempt start after a declined one', () => {
      spec.given([bookingPlaced(), paymentStarted(at(1)), paymentDeclined]).when(startPayment(at(2), 'attempt2')).then([paymentStarted(at(2), 'attempt2')]);
    });

    it('refuses a card past its expiry month, claiming nothing', () => {
      spec.given([bookingPlaced()]).when(startPayment(at(1), 'attempt1', { expMonth: 4, expYear: 2027 })).thenThrows('CARD_EXPIRED');
    });

    it('takes a card in its expiry month', () => {
      spec.given([bookingPlaced()]).when(startPayment(at(1), 'attempt1', { expMonth: 5, expYear: 2027 })).then([paymentStarted(at(1))]);
    });

    it('refuses a booking that is already confirmed', () => {
      spec.given([bookingPlaced(), bookingConfirmed()]).when(startPayment(at(1), 'attempt2')).thenThrows('INVALID_BOOKING_STATE', { status: 'confirmed' });
    });

    it.each([
      ['cancelled', [bookingCancelled('customer_cancelled')]],
      ['refunded', [bookingConfirmed(), bookingRefunded('customer_cancelled')]],
    ])('refuses a booking that is %s', (status, events) => {
      spec.given([bookingPlaced(), ...events]).when(startPayment(at(1))).thenThrows('INVALID_BOOKING_STATE', { status });
    });

    it('refuses once the hold has run out, with HOLD_EXPIRED', () => {
      spec.given([bookingPlaced()]).when(startPayment(at(10))).thenThrows('HOLD_EXPIRED');
      spec.given([bookingPlaced(), bookingExpired]).when(startPayment(at(5))).thenThrows('HOLD_EXPIRED');
    });
  });

  describe('card expiry', () => {
    it.each([
      [{ expMonth: 5, expYear: 2027 }, '2027-05-31T23:59:59.999Z', false],
      [{ expMonth: 5, expYear: 2027 }, '2027-06-01T00:00:00.000Z', true],
      [{ expMonth: 12, expYear: 2027 }, '2027-12-31T12:00:00.000Z', false],
      [{ expMonth: 12, expYear: 2027 }, '2028-01-01T00:00:00.000Z', true],
      [{ expMonth: 1, expYear: 2026 }, '2027-05-01T00:00:00.000Z', true],
    ])('card %o at %s is expired: %s', (card, now, expired) => {
      expect(isCardExpired(card, now)).toBe(expired);
    });
  });

  describe('CancelBooking', () => {
    it('cancels a held booking: nothing was charged', () => {
      spec.given([bookingPlaced()]).when(cancel()).then([bookingCancelled('customer_cancelled')]);
    });

    it('refuses a customer cancel while a payment attempt is charging: it would race the charge', () => {
      spec
        .given([bookingPlaced(), paymentStarted(at(4))])
        .when(cancel('customer_cancelled', at(4.5)))
        .thenThrows('INVALID_BOOKING_STATE', { status: 'held', paymentInProgress: true });
    });

    it('cancels once the attempt was declined, or its claim lapsed', () => {
      spec.given([bookingPlaced(), paymentStarted(at(1)), paymentDeclined]).when(cancel()).then([bookingCancelled('customer_cancelled')]);
      spec.given([bookingPlaced(), paymentStarted(at(1))]).when(cancel('customer_cancelled', afterClaim(at(1)))).then([bookingCancelled('customer_cancelled')]);
    });

    it('refunds a booking the attempt confirmed', () => {
      spec.given([bookingPlaced(), paymentStarted(at(1)), bookingConfirmed()]).when(cancel()).then([bookingRefunded('customer_cancelled')]);
    });

    it('cancels for a show cancellation without waiting: the attempt then refunds its charge', () => {
      spec.given([bookingPlaced(), paymentStarted(at(4))]).when(cancel('show_cancelled', at(4.5))).then([bookingCancelled('show_cancelled')]);
    });

    it('refunds a confirmed booking with the refund id from the command', () => {
      spec.given([bookingPlaced(), bookingConfirmed()]).when(cancel()).then([bookingRefunded('customer_cancelled')]);
    });

    it('refunds a confirmed booking of a cancelled show', () => {
      spec.given([bookingPlaced(), bookingConfirmed()]).when(cancel('show_cancelled')).then([bookingRefunded('show_cancelled')]);
    });

    it('cancels a held booking of a cancelled show', () => {
      spec.given([bookingPlaced()]).when(cancel('show_cancelled')).then([bookingCancelled('show_cancelled')]);
    });

    it.each([
      ['expired', [bookingExpired]],
      ['cancelled', [bookingCancelled('customer_cancelled')]],
      ['refunded', [bookingConfirmed(), bookingRefunded('customer_cancelled')]],
    ])('refuses a customer cancel of a booking that is %s', (status, events) => {
      spec.given([bookingPlaced(), ...events]).when(cancel()).thenThrows('INVALID_BOOKING_STATE', { status });
    });

    it.each([
      ['expired', [bookingExpired]],
      ['refunded', [bookingConfirmed(), bookingRefunded('show_cancelled')]],
    ])('decides nothing for a booking already %s when a show cancellation sweeps it', (_status, events) => {
      spec.given([bookingPlaced(), ...events]).when(cancel('show_cancelled')).thenNothing();
    });

    it('refuses a booking that does not exist', () => {
      spec.given([]).when(cancel()).thenThrows('BOOKING_NOT_FOUND');
    });

    it('refuses a rejected booking', () => {
      spec.given([bookingRejected]).when(cancel()).thenThrows('INVALID_BOOKING_STATE');
    });
  });

  describe('RefundBooking (a payment that arrived after its hold was lost)', () => {
    it('refunds a booking whose hold ran out while the payment was in flight', () => {
      spec.given([bookingPlaced()]).when(refundLatePayment(at(11))).then([lateRefund]);
    });

    it('refunds an expired booking', () => {
      spec.given([bookingPlaced(), bookingExpired]).when(refundLatePayment(at(11))).then([lateRefund]);
    });

    it('refunds a booking cancelled while the payment was in flight', () => {
      spec.given([bookingPlaced(), bookingCancelled('customer_cancelled')]).when(refundLatePayment(at(5))).then([lateRefund]);
    });

    it('decides nothing for a booking already refunded', () => {
      spec.given([bookingPlaced(), bookingExpired, lateRefund]).when(refundLatePayment(at(12))).thenNothing();
    });

    it('refuses while the hold is still live: the payment can still confirm it', () => {
      spec.given([bookingPlaced()]).when(refundLatePayment(at(5))).thenThrows('INVALID_BOOKING_STATE', { status: 'held' });
    });

    it('refuses a confirmed booking: that payment became a sale', () => {
      spec.given([bookingPlaced(), bookingConfirmed()]).when(refundLatePayment(at(30))).thenThrows('INVALID_BOOKING_STATE');
    });
  });

  describe('RejectBooking', () => {
    it('records a requested placement that could not hold its seats', () => {
      spec.given([bookingRequested()]).when(reject).then([bookingRejected]);
    });

    it('decides nothing when the placement already happened (the other run settled it first)', () => {
      spec.given([bookingRequested(), bookingPlaced()]).when(reject).thenNothing();
    });

    it('decides nothing when it was already rejected', () => {
      spec.given([bookingRequested(), bookingRejected]).when(reject).thenNothing();
    });

    it('refuses a booking nobody asked for: there is no request to settle', () => {
      spec.given([]).when(reject).thenThrows('BOOKING_NOT_FOUND');
    });

    it('still reads a rejection written without a request (logs from before booking.requested.v1)', () => {
      spec.given([bookingRejected]).when(confirm(at(5))).thenThrows('INVALID_BOOKING_STATE', { status: 'rejected' });
    });
  });

  describe('RecordPaymentDeclined', () => {
    it('records a declined attempt on a held booking', () => {
      spec
        .given([bookingPlaced()])
        .when(declined)
        .then([
          {
            type: 'booking.payment-declined.v1',
            data: { bookingId: 'b1', showId: SHOW_ID, amount: 16500, currency: 'EUR', declineCode: 'card_declined' },
          },
        ]);
    });

    it('decides nothing once the booking is no longer held', () => {
      spec.given([bookingPlaced(), bookingExpired]).when(declined).thenNothing();
    });

    it('refuses a booking that does not exist', () => {
      spec.given([]).when(declined).thenThrows('BOOKING_NOT_FOUND');
    });
  });
});
