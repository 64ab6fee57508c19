import type { BookedSeat, BookingEvent } from '@tessera/contracts';
import { discountRefunded, emptySales, evolveSales } from './sales.projection';

/** Revenue before and after vouchers: a paid booking adds its discount, a refund takes back its share. */

const seats: BookedSeat[] = [
  { seatId: 'A-1-1', categoryId: 'vip', price: 12_000 },
  { seatId: 'A-1-2', categoryId: 'std', price: 4_000 },
];
const hour = '2027-05-01T10:00:00.000Z';
const booking = { seats, confirmedHour: hour, discount: 1_600 };
const confirmed: BookingEvent = { type: 'booking.confirmed.v1', data: { bookingId: 'b1', showId: 's1', paymentId: 'p1', amount: 14_400, currency: 'EUR', tickets: [] } };
const refunded = (seatIds: string[], amount: number): BookingEvent => ({
  type: 'booking.refunded.v1',
  data: { bookingId: 'b1', showId: 's1', refundId: 'r1', paymentId: 'p1', amount, currency: 'EUR', seatIds, ticketIds: [], reason: 'customer_cancelled' },
});

describe('sales with vouchers', () => {
  it('counts the list price in the categories and the discount apart when a discounted booking is paid', () => {
    const sales = evolveSales(emptySales('s1', 'EUR', ['vip', 'std']), confirmed, booking);
    expect(sales.byCategory).toEqual({ vip: { sold: 1, revenue: 12_000 }, std: { sold: 1, revenue: 4_000 } });
    expect(sales.discounts).toBe(1_600);
  });

  it('takes the whole discount back on a full refund', () => {
    const paid = evolveSales(emptySales('s1', 'EUR', ['vip', 'std']), confirmed, booking);
    const back = evolveSales(paid, refunded(['A-1-1', 'A-1-2'], 14_400), booking);
    expect(back.discounts).toBe(0);
    expect(back.byCategory).toEqual({ vip: { sold: 0, revenue: 0 }, std: { sold: 0, revenue: 0 } });
  });

  it('takes back a pro rata share on a refund of some of the seats', () => {
    expect(discountRefunded(booking, [seats[1]])).toBe(400); // 4,000 of 16,000
    expect(discountRefunded({ seats }, [seats[1]])).toBe(0);
  });

  it('reads a document from before vouchers (no discounts field) as 0', () => {
    const { discounts: _none, ...old } = emptySales('s1', 'EUR', ['vip', 'std']);
    expect(evolveSales(old, confirmed, booking).discounts).toBe(1_600);
  });
});
