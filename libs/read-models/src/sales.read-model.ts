import type { BookedSeat } from '@tessera/contracts';
import { BOOKING_EVENT_TYPES } from '@tessera/contracts';
import type { ProjectionDescriptor, ReadModelDocument } from './read-model';

/**
 * Sales analytics per show (GET /api/analytics/shows/{id}/sales): seats sold and revenue by
 * category and by hour of sale, net of refunds; holds placed, expired and cancelled; declined
 * payments. `sales_bookings` remembers each booking's seats and prices (frozen at placement)
 * and the hour it was paid, which the later confirmation and refund events do not carry.
 */

export const SHOW_SALES = 'show_sales';
export const SALES_BOOKINGS = 'sales_bookings';

export type SalesCounter = {
  sold: number;
  /** Minor units of the show's currency. */
  revenue: number;
}

export type ShowSalesDoc = ReadModelDocument & {
  showId: string;
  currency: string;
  /** Category id → seats sold and revenue, net of refunds. */
  byCategory: Record<string, SalesCounter>;
  /** Hour of the payment (ISO, `2027-05-01T19:00:00.000Z`) → seats sold and revenue, net of refunds. */
  byHour: Record<string, SalesCounter>;
  holdsPlaced: number;
  holdsExpired: number;
  holdsCancelled: number;
  bookingsConfirmed: number;
  bookingsRefunded: number;
  refundedAmount: number;
  paymentsDeclined: number;
  /**
   * Minor units taken off by vouchers on the bookings paid, net of refunds. Optional: documents
   * written before vouchers existed lack it, and mean 0 (so the version did not change).
   */
  discounts?: number;
}

export type SalesBookingDoc = ReadModelDocument & {
  showId: string;
  seats: BookedSeat[];
  /** Set when the booking was paid. */
  confirmedHour?: string;
  /** Minor units its voucher took off; absent without one. */
  discount?: number;
}

/** Confirmed bookings over placed holds, 0 when nothing was held; 4 decimals. */
export const conversionOf = (sales: Pick<ShowSalesDoc, 'bookingsConfirmed' | 'holdsPlaced'>): number =>
  sales.holdsPlaced === 0 ? 0 : Math.round((sales.bookingsConfirmed / sales.holdsPlaced) * 10_000) / 10_000;

export const salesDescriptor: ProjectionDescriptor = {
  name: 'sales',
  version: 1,
  collections: [SHOW_SALES, SALES_BOOKINGS],
  // Requests and payment starts are left out: they change no figure, and would only rewrite the show's document.
  eventTypes: ['show.created.v1', ...BOOKING_EVENT_TYPES.filter((type) => type !== 'booking.requested.v1' && type !== 'booking.payment-started.v1')],
};
