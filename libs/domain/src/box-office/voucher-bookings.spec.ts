import type { BookingEvent, VoucherEvent } from '@tessera/contracts';
import { fold } from '../decider';
import * as Booking from './booking';
import { decideCancelBooking } from './cancel-booking';
import { decideExpireBooking } from './expire-booking';
import { decidePlaceBooking, type PlaceBooking } from './place-booking';
import * as Show from './show';
import { at, B1_TICKETS, bookingConfirmed, bookingPlaced, SHOW_ID, showCreated, showPublished, ticketIssued } from './spec-fixtures';
import * as Ticket from './ticket';
import * as Voucher from './voucher';

/** A voucher across the booking decisions: placing takes its use in the same decision, expiry and cancel give it back. */

const created = (overrides: Partial<Extract<VoucherEvent, { type: 'voucher.created.v1' }>['data']> = {}): VoucherEvent => ({
  type: 'voucher.created.v1',
  data: { showId: SHOW_ID, code: 'STD20', kind: 'percent', value: 20, maxUses: 10, perUser: 2, categoryIds: ['std'], validFrom: null, validUntil: null, byAdminId: 'admin', ...overrides },
});
const voucherOf = (events: VoucherEvent[]) => fold(Voucher.evolve, Voucher.initialState, events);
const show = fold(Show.evolve, Show.initialState, [showCreated(), showPublished]);
const place = (voucherCode?: string): PlaceBooking => ({
  type: 'PlaceBooking',
  data: { bookingId: 'b1', userId: 'u1', showId: SHOW_ID, seatIds: ['A-1-1', 'B-1-2'], ...(voucherCode ? { voucherCode } : {}) },
  metadata: { now: at(0) },
});
const placedWith = (discount: number): BookingEvent => {
  const placed = bookingPlaced() as Extract<BookingEvent, { type: 'booking.placed.v1' }>;
  return { ...placed, data: { ...placed.data, amount: placed.data.amount - discount, discount: { code: 'STD20', amount: discount } } };
};

describe('a voucher in the booking decisions', () => {
  it('placing with a voucher discounts the eligible seats and takes its use in the same decision', () => {
    const decision = decidePlaceBooking({ show, seats: {}, voucher: voucherOf([created()]), command: place('STD20') });
    // 20% of the 45.00 standard seat; the VIP seat is not in the voucher's categories.
    expect(decision.booking).toEqual([placedWith(900)]);
    expect(decision.voucher).toEqual({ code: 'STD20', events: [{ type: 'voucher.redeemed.v1', data: { showId: SHOW_ID, code: 'STD20', bookingId: 'b1', userId: 'u1', discount: 900 } }] });
  });

  it('placing without one writes nothing to any voucher', () => {
    const decision = decidePlaceBooking({ show, seats: {}, command: place() });
    expect(decision.voucher).toBeUndefined();
    expect(decision.booking).toEqual([bookingPlaced()]);
  });

  it('a refused voucher refuses the booking: nothing is held', () => {
    expect(() => decidePlaceBooking({ show, seats: {}, voucher: voucherOf([]), command: place('STD20') })).toThrow(expect.objectContaining({ code: 'VOUCHER_INVALID' }));
    const exhausted = voucherOf([created({ maxUses: 1, perUser: 1 }), { type: 'voucher.redeemed.v1', data: { showId: SHOW_ID, code: 'STD20', bookingId: 'b0', userId: 'u9', discount: 1 } }]);
    expect(() => decidePlaceBooking({ show, seats: {}, voucher: exhausted, command: place('STD20') })).toThrow(expect.objectContaining({ code: 'VOUCHER_EXHAUSTED' }));
  });

  const redeemedByB1: VoucherEvent = { type: 'voucher.redeemed.v1', data: { showId: SHOW_ID, code: 'STD20', bookingId: 'b1', userId: 'u1', discount: 900 } };
  const booking = (events: BookingEvent[]) => fold(Booking.evolve, Booking.initialState, events);

  it('an expired booking gives its use back, and an expiry decided again gives nothing more', () => {
    const expire: Booking.ExpireBooking = { type: 'ExpireBooking', data: { bookingId: 'b1' }, metadata: { now: at(11) } };
    const decision = decideExpireBooking({ booking: booking([placedWith(900)]), seats: {}, voucher: voucherOf([created(), redeemedByB1]), command: expire });
    expect(decision.voucher).toEqual({ code: 'STD20', events: [{ type: 'voucher.released.v1', data: { showId: SHOW_ID, code: 'STD20', bookingId: 'b1', userId: 'u1', reason: 'expired' } }] });
    const released = decision.voucher?.events ?? [];
    const again = decideExpireBooking({ booking: booking([placedWith(900)]), seats: {}, voucher: voucherOf([created(), redeemedByB1, ...released]), command: expire });
    expect(again.voucher?.events).toEqual([]);
  });

  it('a cancelled (or refunded) booking gives its use back', () => {
    const cancel: Booking.CancelBooking = { type: 'CancelBooking', data: { bookingId: 'b1', reason: 'customer_cancelled', refundId: 'r1' }, metadata: { now: at(1) } };
    const held = decideCancelBooking({ booking: booking([placedWith(900)]), seats: {}, tickets: {}, voucher: voucherOf([created(), redeemedByB1]), command: cancel });
    expect(held.voucher?.events.map((event) => event.type)).toEqual(['voucher.released.v1']);
    const tickets = Object.fromEntries(B1_TICKETS.map(({ ticketId, seatId }) => [ticketId, fold(Ticket.evolve, Ticket.initialState, [ticketIssued(ticketId, 'u1', seatId)])]));
    const paid = decideCancelBooking({ booking: booking([placedWith(900), bookingConfirmed()]), seats: {}, tickets, voucher: voucherOf([created(), redeemedByB1]), command: cancel });
    expect(paid.booking.map((event) => event.type)).toEqual(['booking.refunded.v1']);
    expect(paid.voucher?.events.map((event) => event.type)).toEqual(['voucher.released.v1']);
  });

  it('undoing a booking placed without a voucher touches no voucher', () => {
    const expire: Booking.ExpireBooking = { type: 'ExpireBooking', data: { bookingId: 'b1' }, metadata: { now: at(11) } };
    expect(decideExpireBooking({ booking: booking([bookingPlaced()]), seats: {}, command: expire }).voucher).toBeUndefined();
  });
});
