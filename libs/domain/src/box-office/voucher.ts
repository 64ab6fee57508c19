import type { VoucherCreated, VoucherEvent, VoucherKind } from '@tessera/contracts';
import type { Decider } from '../decider';
import { DomainError } from '../domain-error';
import { isCreated, type ShowState } from './show';
import { hasReached } from './time';

/**
 * Voucher: a show's discount code and its uses. Stream `voucher-{showId}-{code}`. A use is
 * decided here and appended with the booking it discounts, at the revision read: of two bookings
 * racing for the last use, only one append lands, so `maxUses` holds under any concurrency. A
 * booking that expires or is cancelled gives its use back (and the user's, for `perUser`).
 */

export type VoucherDefinition = Omit<VoucherCreated['data'], 'byAdminId'>;

export type VoucherState =
  | { status: 'none' }
  | (VoucherDefinition & {
      status: 'active';
      /** Uses held now: booking id → user id. */
      uses: Readonly<Record<string, string>>;
    });

export const initialState: VoucherState = { status: 'none' };

export type CreateVoucher = { type: 'CreateVoucher'; data: VoucherCreated['data'] };
/** `seats` are the booking's seats with their categories and prices, as the show priced them. */
export type RedeemVoucher = {
  type: 'RedeemVoucher';
  data: { showId: string; code: string; bookingId: string; userId: string; seats: readonly { categoryId: string; price: number }[] };
  metadata: { now: string };
};
export type ReleaseVoucher = { type: 'ReleaseVoucher'; data: { bookingId: string; reason: 'expired' | 'cancelled' } };

export type VoucherCommand = CreateVoucher | RedeemVoucher | ReleaseVoucher;

/**
 * The discount on `eligible` minor units: a percentage rounded half up to the minor unit, or a
 * fixed amount; never more than what it applies to, so a price never goes below 0.
 */
export const discountOf = (kind: VoucherKind, value: number, eligible: number): number => {
  const off = kind === 'percent' ? Math.floor((eligible * value + 50) / 100) : value;
  return Math.max(0, Math.min(off, eligible));
};

const invalid = (message: string, details: Record<string, unknown> = {}): DomainError => new DomainError('VOUCHER_INVALID', message, details);

const create = ({ data }: CreateVoucher, state: VoucherState): VoucherEvent[] => {
  if (state.status !== 'none') throw new DomainError('VOUCHER_EXISTS', `voucher ${data.code} exists for this show`, { code: data.code });
  const errors: { field: string; message: string }[] = [];
  if (data.kind === 'percent' && !(data.value >= 1 && data.value <= 100)) errors.push({ field: 'value', message: 'a percent voucher takes 1 to 100' });
  if (data.validFrom !== null && data.validUntil !== null && !(Date.parse(data.validFrom) < Date.parse(data.validUntil))) {
    errors.push({ field: 'validUntil', message: 'must be after validFrom' });
  }
  if (data.perUser > data.maxUses) errors.push({ field: 'perUser', message: 'must not exceed maxUses' });
  if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', errors.map((e) => `${e.field} ${e.message}`).join('; '), { errors });
  return [{ type: 'voucher.created.v1', data }];
};

const redeem = ({ data, metadata }: RedeemVoucher, state: VoucherState): VoucherEvent[] => {
  const { showId, code, bookingId, userId, seats } = data;
  if (state.status === 'none' || state.showId !== showId) throw invalid(`no voucher ${code} for this show`, { code });
  if (Object.hasOwn(state.uses, bookingId)) return [];
  if (state.validFrom !== null && !hasReached(metadata.now, state.validFrom)) throw invalid(`voucher ${code} is not valid before ${state.validFrom}`, { code });
  if (state.validUntil !== null && hasReached(metadata.now, state.validUntil)) throw invalid(`voucher ${code} expired at ${state.validUntil}`, { code });
  const eligible = seats.filter((seat) => state.categoryIds === null || state.categoryIds.includes(seat.categoryId)).reduce((sum, seat) => sum + seat.price, 0);
  if (eligible === 0 && state.categoryIds !== null) throw invalid(`voucher ${code} is for none of these seats' categories`, { code });
  const uses = Object.values(state.uses);
  if (uses.length >= state.maxUses) throw new DomainError('VOUCHER_EXHAUSTED', `voucher ${code} has no uses left`, { code });
  if (uses.filter((user) => user === userId).length >= state.perUser) {
    throw new DomainError('VOUCHER_EXHAUSTED', `voucher ${code} is used ${state.perUser} time(s) per user`, { code });
  }
  return [{ type: 'voucher.redeemed.v1', data: { showId, code, bookingId, userId, discount: discountOf(state.kind, state.value, eligible) } }];
};

const release = ({ data }: ReleaseVoucher, state: VoucherState): VoucherEvent[] => {
  // Idempotent: a booking whose use was given back already (or never taken) releases nothing.
  if (state.status === 'none' || !Object.hasOwn(state.uses, data.bookingId)) return [];
  const { showId, code } = state;
  return [{ type: 'voucher.released.v1', data: { showId, code, bookingId: data.bookingId, userId: state.uses[data.bookingId], reason: data.reason } }];
};

export const decide = (command: VoucherCommand, state: VoucherState): VoucherEvent[] => {
  switch (command.type) {
    case 'CreateVoucher':
      return create(command, state);
    case 'RedeemVoucher':
      return redeem(command, state);
    case 'ReleaseVoucher':
      return release(command, state);
  }
};

export const evolve = (state: VoucherState, event: VoucherEvent): VoucherState => {
  switch (event.type) {
    case 'voucher.created.v1': {
      const { byAdminId: _by, ...definition } = event.data;
      return { ...definition, status: 'active', uses: {} };
    }
    case 'voucher.redeemed.v1':
      return state.status === 'none' ? state : { ...state, uses: { ...state.uses, [event.data.bookingId]: event.data.userId } };
    case 'voucher.released.v1': {
      if (state.status === 'none') return state;
      const { [event.data.bookingId]: _released, ...uses } = state.uses;
      return { ...state, uses };
    }
  }
};

/**
 * Creating a voucher reads the show too: it must exist and not be cancelled, and the categories
 * the voucher names must be the show's.
 */
export const decideCreateVoucher = ({ show, voucher, command }: { show: ShowState; voucher: VoucherState; command: CreateVoucher }): VoucherEvent[] => {
  const { showId, categoryIds } = command.data;
  if (!isCreated(show) || show.showId !== showId) throw new DomainError('SHOW_NOT_FOUND', `show ${showId} does not exist`, { showId });
  if (show.status === 'cancelled') throw new DomainError('INVALID_SHOW_STATE', 'the show is cancelled', { status: show.status });
  const unknown = (categoryIds ?? []).filter((id) => !Object.hasOwn(show.categories, id));
  if (unknown.length > 0) {
    throw new DomainError('VALIDATION_FAILED', `no such category: ${unknown.join(', ')}`, { errors: [{ field: 'categoryIds', message: `not categories of the show: ${unknown.join(', ')}` }] });
  }
  return decide(command, voucher);
};

/**
 * The voucher part of undoing a booking (expiry, cancel, refund): the use it took is given back,
 * in the same append as the booking's own event. Nothing for a booking placed without a voucher.
 */
export const releaseFor = (
  booking: { bookingId: string; discount?: { code: string } },
  voucher: VoucherState,
  reason: ReleaseVoucher['data']['reason'],
): { voucher?: { code: string; events: VoucherEvent[] } } =>
  booking.discount ? { voucher: { code: booking.discount.code, events: decide({ type: 'ReleaseVoucher', data: { bookingId: booking.bookingId, reason } }, voucher) } } : {};

export const voucherDecider: Decider<VoucherState, VoucherCommand, VoucherEvent> = { initialState, evolve, decide };
