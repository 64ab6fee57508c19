import { Query } from '@nestjs/cqrs';

/** Body of GET /api/analytics/shows/{showId}/sales (API.md, Audit and analytics). */
export interface ShowSalesResponse {
  showId: string;
  currency: string;
  byCategory: { categoryId: string; sold: number; revenue: number }[];
  byHour: { hour: string; sold: number; revenue: number }[];
  holdsPlaced: number;
  holdsExpired: number;
  holdsCancelled: number;
  bookingsConfirmed: number;
  bookingsRefunded: number;
  refundedAmount: number;
  paymentsDeclined: number;
  /** bookingsConfirmed / holdsPlaced. */
  conversion: number;
  /** List prices of the seats sold, net of refunds: the sum of `byCategory`'s revenue. */
  revenueBeforeDiscounts: number;
  /** Taken off by vouchers on the bookings paid, net of refunds. */
  discounts: number;
  revenueAfterDiscounts: number;
}

/** One show's sales figures for the organiser. */
export class ShowSalesQuery extends Query<ShowSalesResponse> {
  constructor(readonly showId: string) {
    super();
  }
}
