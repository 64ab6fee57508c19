import type { VoucherCreated, VoucherEvent } from '@tessera/contracts';
import { DeciderSpecification } from '../testing/decider-specification';
import { discountOf, voucherDecider, type VoucherCommand } from './voucher';

const spec = DeciderSpecification.for(voucherDecider);
const SHOW = 'show-1';
const CODE = 'SUMMER10';

const definition = (overrides: Partial<VoucherCreated['data']> = {}): VoucherCreated['data'] => ({
  showId: SHOW,
  code: CODE,
  kind: 'percent',
  value: 10,
  maxUses: 2,
  perUser: 1,
  categoryIds: null,
  validFrom: '2027-05-01T10:00:00.000Z',
  validUntil: '2027-05-02T10:00:00.000Z',
  byAdminId: 'admin',
  ...overrides,
});
const created = (overrides: Partial<VoucherCreated['data']> = {}): VoucherEvent => ({ type: 'voucher.created.v1', data: definition(overrides) });
const create = (overrides: Partial<VoucherCreated['data']> = {}): VoucherCommand => ({ type: 'CreateVoucher', data: definition(overrides) });

const seats = [
  { categoryId: 'vip', price: 12_345 },
  { categoryId: 'std', price: 4_500 },
];
const redeem = (bookingId: string, userId: string, now = '2027-05-01T12:00:00.000Z', booked = seats): VoucherCommand => ({
  type: 'RedeemVoucher',
  data: { showId: SHOW, code: CODE, bookingId, userId, seats: booked },
  metadata: { now },
});
const redeemed = (bookingId: string, userId: string, discount: number): VoucherEvent => ({
  type: 'voucher.redeemed.v1',
  data: { showId: SHOW, code: CODE, bookingId, userId, discount },
});
const released = (bookingId: string, userId: string, reason: 'expired' | 'cancelled' = 'expired'): VoucherEvent => ({
  type: 'voucher.released.v1',
  data: { showId: SHOW, code: CODE, bookingId, userId, reason },
});

describe('Voucher', () => {
  describe('creating', () => {
    it('creates a voucher once', () => spec.given([]).when(create()).then([created()]));
    it('refuses a code the show has already: VOUCHER_EXISTS', () => spec.given([created()]).when(create({ value: 20 })).thenThrows('VOUCHER_EXISTS'));
    it('refuses a percent above 100', () => spec.given([]).when(create({ value: 101 })).thenThrows('VALIDATION_FAILED'));
    it('refuses a window that ends before it starts', () =>
      spec.given([]).when(create({ validFrom: '2027-05-02T10:00:00Z', validUntil: '2027-05-01T10:00:00Z' })).thenThrows('VALIDATION_FAILED'));
    it('refuses a per-user limit above the uses', () => spec.given([]).when(create({ maxUses: 2, perUser: 3 })).thenThrows('VALIDATION_FAILED'));
    it('takes an amount voucher above 100 (minor units) and an open window', () =>
      spec.given([]).when(create({ kind: 'amount', value: 5_000, validFrom: null, validUntil: null })).then([created({ kind: 'amount', value: 5_000, validFrom: null, validUntil: null })]));
  });

  describe('redeeming', () => {
    it('takes a use with the discount on every seat: 10% of 168.45 is 16.85 (rounded half up to the cent)', () =>
      spec.given([created()]).when(redeem('b1', 'u1')).then([redeemed('b1', 'u1', 1_685)]));
    it('refuses a voucher the show does not have: VOUCHER_INVALID', () => spec.given([]).when(redeem('b1', 'u1')).thenThrows('VOUCHER_INVALID'));
    it('refuses before the window opens and once it has closed (validUntil is exclusive)', () => {
      spec.given([created()]).when(redeem('b1', 'u1', '2027-05-01T09:59:59.999Z')).thenThrows('VOUCHER_INVALID');
      spec.given([created()]).when(redeem('b1', 'u1', '2027-05-01T10:00:00.000Z')).then([redeemed('b1', 'u1', 1_685)]);
      spec.given([created()]).when(redeem('b1', 'u1', '2027-05-02T10:00:00.000Z')).thenThrows('VOUCHER_INVALID');
    });
    it('discounts only the seats of its categories, and refuses a booking with none of them', () => {
      spec.given([created({ categoryIds: ['std'] })]).when(redeem('b1', 'u1')).then([redeemed('b1', 'u1', 450)]);
      spec.given([created({ categoryIds: ['balcony'] })]).when(redeem('b1', 'u1')).thenThrows('VOUCHER_INVALID');
    });
    it('refuses once every use is taken: VOUCHER_EXHAUSTED', () =>
      spec.given([created(), redeemed('b1', 'u1', 1), redeemed('b2', 'u2', 1)]).when(redeem('b3', 'u3')).thenThrows('VOUCHER_EXHAUSTED'));
    it('refuses a user past the per-user limit, and takes another user', () => {
      spec.given([created({ maxUses: 5 }), redeemed('b1', 'u1', 1)]).when(redeem('b2', 'u1')).thenThrows('VOUCHER_EXHAUSTED');
      spec.given([created({ maxUses: 5 }), redeemed('b1', 'u1', 1)]).when(redeem('b2', 'u2')).then([redeemed('b2', 'u2', 1_685)]);
    });
    it('decides nothing for a booking that holds a use already (a retry)', () => spec.given([created(), redeemed('b1', 'u1', 1_685)]).when(redeem('b1', 'u1')).thenNothing());
    it('takes an amount off, never more than the eligible seats cost', () => {
      spec.given([created({ kind: 'amount', value: 1_000 })]).when(redeem('b1', 'u1')).then([redeemed('b1', 'u1', 1_000)]);
      spec.given([created({ kind: 'amount', value: 100_000, categoryIds: ['std'] })]).when(redeem('b1', 'u1')).then([redeemed('b1', 'u1', 4_500)]);
    });
    it('takes a released use again, and the user may use it again', () =>
      spec.given([created(), redeemed('b1', 'u1', 1), redeemed('b2', 'u2', 1), released('b1', 'u1')]).when(redeem('b3', 'u1')).then([redeemed('b3', 'u1', 1_685)]));
  });

  describe('releasing', () => {
    it('gives the use of an expired or cancelled booking back, naming its user', () =>
      spec.given([created(), redeemed('b1', 'u1', 1)]).when({ type: 'ReleaseVoucher', data: { bookingId: 'b1', reason: 'cancelled' } }).then([released('b1', 'u1', 'cancelled')]));
    it('is idempotent: a use given back already, or never taken, releases nothing', () => {
      spec.given([created(), redeemed('b1', 'u1', 1), released('b1', 'u1')]).when({ type: 'ReleaseVoucher', data: { bookingId: 'b1', reason: 'expired' } }).thenNothing();
      spec.given([created()]).when({ type: 'ReleaseVoucher', data: { bookingId: 'b9', reason: 'expired' } }).thenNothing();
    });
  });

  describe('the discount in minor units', () => {
    it.each([
      ['percent', 10, 12_345, 1_235], // 1234.5 rounds half up
      ['percent', 15, 999, 150], // 149.85
      ['percent', 33, 100, 33],
      ['percent', 100, 4_500, 4_500],
      ['percent', 1, 49, 0], // 0.49 rounds to 0
      ['amount', 500, 4_500, 500],
      ['amount', 5_000, 4_500, 4_500], // never below 0
      ['amount', 500, 0, 0],
    ] as const)('%s %d of %d is %d', (kind, value, eligible, expected) => {
      expect(discountOf(kind, value, eligible)).toBe(expected);
      expect(eligible - discountOf(kind, value, eligible)).toBeGreaterThanOrEqual(0);
    });
  });
});
