/**
 * PaymentProvider port: takes the money for a booking and gives it back. Charges are idempotent
 * per booking (the booking id is the idempotency key, so a retried payment can never charge
 * twice) and refunds per refund id. Card data passes through and is never stored or logged.
 */

export interface PaymentCard {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

export interface ChargeRequest {
  /** The idempotency key: a second charge for the same booking returns the first success. */
  bookingId: string;
  /** Minor units. */
  amount: number;
  currency: string;
  card: PaymentCard;
}

export type ChargeResult =
  | { status: 'succeeded'; paymentId: string; amount: number; currency: string }
  /** `declineCode` is the provider's reason (`card_declined`); safe to record, never card data. */
  | { status: 'declined'; declineCode: string };

export interface RefundRequest {
  /** The idempotency key of the refund. */
  refundId: string;
  paymentId: string;
  amount: number;
  currency: string;
}

export interface RefundResult {
  refundId: string;
  paymentId: string;
  amount: number;
  status: 'refunded';
}

export abstract class PaymentProvider {
  abstract charge(request: ChargeRequest): Promise<ChargeResult>;
  /** Gives a charge back; refunding the same refund id again returns the first result. */
  abstract refund(request: RefundRequest): Promise<RefundResult>;
}

export class UnknownPaymentError extends Error {
  constructor(paymentId: string) {
    super(`no such payment: ${paymentId}`);
    this.name = 'UnknownPaymentError';
  }
}
