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
 *
 * Memory stays bounded however many bookings are paid: the provider remembers only the most
 * recent charges and refunds (RECENT), to answer a replay with the first answer as a real
 * provider would. A replay older than that gets the same charge id again (it is derived), so it
 * still can never make a second charge; it is what a restarted server answers too.
 */

export const DECLINED_TEST_CARD = '4000000000000002';
export const SUCCEEDING_TEST_CARD = '4242424242424242';

const idFrom = (prefix: string, key: string): string =>
  `${prefix}_${createHash('sha256').update(key).digest('base64url').slice(0, 24)}`;

/** The charge id the simulated provider gives a booking's payment. */
export const simulatedChargeIdFor = (bookingId: string): string => idFrom('ch', bookingId);

/** Charges, refunds and calls remembered, the most recent ones. */
export const RECENT = 10_000;

/** Adds `key` as the newest entry, forgetting the oldest beyond RECENT. */
const remember = <T>(map: Map<string, T>, key: string, value: T): void => {
  map.set(key, value);
  if (map.size > RECENT) map.delete(map.keys().next().value as string);
};

export class SimulatedPaymentProvider extends PaymentProvider {
  private readonly charges = new Map<string, Extract<ChargeResult, { status: 'succeeded' }>>();
  private readonly refunds = new Map<string, RefundResult>();
  private readonly recentCalls: { kind: 'charge' | 'refund'; key: string; outcome: string }[] = [];

  /** The last RECENT calls, oldest first, for tests that count charges. No card data. */
  get calls(): readonly { kind: 'charge' | 'refund'; key: string; outcome: string }[] {
    return this.recentCalls;
  }

  constructor(private readonly clock: Clock) {
    super();
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    const first = this.charges.get(request.bookingId);
    if (first) {
      this.record({ kind: 'charge', key: request.bookingId, outcome: 'replayed' });
      return first;
    }
    const digits = request.card.number.replace(/\D/g, '');
    const { expMonth, expYear } = request.card;
    // Good through the last instant of the expiry month, UTC.
    if (this.clock.now().getTime() >= Date.UTC(expYear, expMonth, 1)) {
      this.record({ kind: 'charge', key: request.bookingId, outcome: 'declined' });
      return { status: 'declined', declineCode: 'expired_card' };
    }
    if (digits === DECLINED_TEST_CARD) {
      this.record({ kind: 'charge', key: request.bookingId, outcome: 'declined' });
      return { status: 'declined', declineCode: 'card_declined' };
    }
    const result = {
      status: 'succeeded' as const,
      paymentId: simulatedChargeIdFor(request.bookingId),
      amount: request.amount,
      currency: request.currency,
    };
    remember(this.charges, request.bookingId, result);
    this.record({ kind: 'charge', key: request.bookingId, outcome: 'succeeded' });
    return result;
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    const first = this.refunds.get(request.refundId);
    if (first) return first;
    // Every charge id this provider gives has this shape, whether it still remembers the charge
    // (made before a restart, or long ago) or not.
    if (!request.paymentId.startsWith('ch_')) throw new UnknownPaymentError(request.paymentId);
    const result: RefundResult = { refundId: request.refundId, paymentId: request.paymentId, amount: request.amount, status: 'refunded' };
    remember(this.refunds, request.refundId, result);
    this.record({ kind: 'refund', key: request.refundId, outcome: 'refunded' });
    return result;
  }

  private record(call: { kind: 'charge' | 'refund'; key: string; outcome: string }): void {
    this.recentCalls.push(call);
    // Trimmed in one go once well past the bound, so recording stays O(1) amortised.
    if (this.recentCalls.length > 2 * RECENT) this.recentCalls.splice(0, this.recentCalls.length - RECENT);
  }
}
