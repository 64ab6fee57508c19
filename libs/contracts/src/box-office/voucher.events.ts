import type { DomainEvent } from '../events/envelope';

/**
 * Events of the stream `voucher-{showId}-{code}`: a show's discount code and every use of it. Uses
 * are appended with the booking they discount, at the revision the booking read, so a voucher is
 * never used more than `maxUses` times however many bookings race for it.
 */

export const VOUCHER_KINDS = ['percent', 'amount'] as const;
export type VoucherKind = (typeof VOUCHER_KINDS)[number];

export type VoucherCreated = DomainEvent<
  'voucher.created.v1',
  {
    showId: string;
    /** Upper case (normaliseVoucherCode): codes are typed by people. */
    code: string;
    kind: VoucherKind;
    /** `percent`: 1–100 (of the eligible seats' prices); `amount`: minor units off the eligible seats. */
    value: number;
    maxUses: number;
    perUser: number;
    /** The categories whose seats it discounts; null: every category. */
    categoryIds: string[] | null;
    /** ISO 8601 UTC; null: no bound. Valid from `validFrom` (inclusive) until `validUntil` (exclusive). */
    validFrom: string | null;
    validUntil: string | null;
    byAdminId: string;
  }
>;

/** One use, by the booking placed with it (in the same append). `discount` is in minor units. */
export type VoucherRedeemed = DomainEvent<'voucher.redeemed.v1', { showId: string; code: string; bookingId: string; userId: string; discount: number }>;

/** The use of a booking that expired or was cancelled is given back. */
export type VoucherReleased = DomainEvent<
  'voucher.released.v1',
  { showId: string; code: string; bookingId: string; userId: string; reason: 'expired' | 'cancelled' }
>;

export type VoucherEvent = VoucherCreated | VoucherRedeemed | VoucherReleased;

export const VOUCHER_EVENT_TYPES = ['voucher.created.v1', 'voucher.redeemed.v1', 'voucher.released.v1'] as const satisfies readonly VoucherEvent['type'][];

/** What a booking carries of the voucher it was placed with. */
export interface BookingDiscount {
  code: string;
  /** Minor units taken off the seats' prices. */
  amount: number;
}

export const VOUCHER_CODE_PATTERN = /^[A-Z0-9_-]{3,32}$/;

/** One spelling per code: " summer-10 " and "SUMMER-10" are the same voucher. */
export const normaliseVoucherCode = (code: string): string => code.trim().toUpperCase();

export const voucherStream = (showId: string, code: string): string => `voucher-${showId}-${code}`;
