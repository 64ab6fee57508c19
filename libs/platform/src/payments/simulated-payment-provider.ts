import { createHash } from 'node:crypto';
import { Clock } from '../time/clock';
import {
  ChargeRequest,
  ChargeResult,
  PaymentProvider,
  RefundRequest,
  RefundResult,
  UnknownPaymentError,
} from './payment-provider.port';

/**
 * The built-in provider, answering by the familiar test cards: 4000 0000 0000 0002 is declined,
 * a card past its expiry month (by the clock it is given) is declined `expired_card` as real
 * providers do, every other well-formed number succeeds (4242 4242 4242 4242 is the one to use). Ids are
 * derived from the booking and refund ids, so the same booking always gets the same charge id,
 * even from another instance or after a restart; only declines are not remembered, since a
 * customer may try again with another card.
 */

export const DECLINED_TEST_CARD = '4000000000000002';
export const SUCCEEDING_TEST_CARD = '4242424242424242';

const idFrom = (prefix: string, key: string): string =>
  `${prefix}_${createHash('sha256').update(key).digest('base64url').slice(0, 24)}`;

/** The charge id the simulated provider gives a booking's payment. */
export const simulatedChargeIdFor = (bookingId: string): string => idFrom('ch', bookingId);

export class SimulatedPaymentProvider extends PaymentProvider {
  private readonly charges = new Map<string, Extract<ChargeResult, { status: 'succeeded' }>>();
  private readonly refunds = new Map<string, RefundResult>();

  /** Every call, in order, for tests that count charges. Card numbers are masked to the last 4. */
  readonly calls: { kind: 'charge' | 'refund'; key: string; outcome: string }[] = [];

  constructor(private readonly clock: Clock) {
    super();
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    const first = this.charges.get(request.bookingId);
    if (first) {
      this.calls.push({ kind: 'charge', key: request.bookingId, outcome: 'replayed' });
      return first;
    }
    const digits = request.card.number.replace(/\D/g, '');
    const { expMonth, expYear } = request.card;
    // Good through the last instant of the expiry month, UTC.
    if (this.clock.now().getTime() >= Date.UTC(expYear, expMonth, 1)) {
      this.calls.push({ kind: 'charge', key: request.bookingId, outcome: 'declined' });
      return { status: 'declined', declineCode: 'expired_card' };
    }
    if (digits === DECLINED_TEST_CARD) {
      this.calls.push({ kind: 'charge', key: request.bookingId, outcome: 'declined' });
      return { status: 'declined', declineCode: 'card_declined' };
    }
    const result = {
      status: 'succeeded' as const,
      paymentId: simulatedChargeIdFor(request.bookingId),
      amount: request.amount,
      currency: request.currency,
    };
    this.charges.set(request.bookingId, result);
    this.calls.push({ kind: 'charge', key: request.bookingId, outcome: 'succeeded' });
    return result;
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    const first = this.refunds.get(request.refundId);
    if (first) return first;
    const charged = [...this.charges.values()].some((charge) => charge.paymentId === request.paymentId);
    // A charge made before a restart is not in memory; its id still has the simulated shape.
    if (!charged && !request.paymentId.startsWith('ch_')) throw new UnknownPaymentError(request.paymentId);
    const result: RefundResult = { refundId: request.refundId, paymentId: request.paymentId, amount: request.amount, status: 'refunded' };
    this.refunds.set(request.refundId, result);
    this.calls.push({ kind: 'refund', key: request.refundId, outcome: 'refunded' });
    return result;
  }
}
