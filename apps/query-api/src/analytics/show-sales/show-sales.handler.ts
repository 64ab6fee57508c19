import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@tessera/domain';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { collectionName, conversionOf, salesDescriptor, SHOW_SALES, type ShowSalesDoc } from '@tessera/read-models';
import { ShowSalesQuery, type ShowSalesResponse } from './show-sales.query';

/** Counters keyed by category and hour become sorted lists; hours whose counters are back at zero are left out. */
@QueryHandler(ShowSalesQuery)
export class ShowSalesHandler implements IQueryHandler<ShowSalesQuery, ShowSalesResponse> {
  constructor(private readonly reads: ReadStore) {}

  async execute({ showId }: ShowSalesQuery): Promise<ShowSalesResponse> {
    const doc = await this.reads.collection<ShowSalesDoc>(collectionName(salesDescriptor, SHOW_SALES)).findOne({ _id: showId });
    if (!doc) throw new DomainError('SHOW_NOT_FOUND', `show ${showId} does not exist`, { showId });
    const revenueBeforeDiscounts = Object.values(doc.byCategory).reduce((sum, counter) => sum + counter.revenue, 0);
    // Documents written before vouchers existed have no discounts field: none were given.
    const discounts = doc.discounts ?? 0;
    return {
      showId,
      currency: doc.currency,
      byCategory: Object.entries(doc.byCategory)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([categoryId, counter]) => ({ categoryId, ...counter })),
      byHour: Object.entries(doc.byHour)
        .filter(([, counter]) => counter.sold !== 0 || counter.revenue !== 0)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([hour, counter]) => ({ hour, ...counter })),
      holdsPlaced: doc.holdsPlaced,
      holdsExpired: doc.holdsExpired,
      holdsCancelled: doc.holdsCancelled,
      bookingsConfirmed: doc.bookingsConfirmed,
      bookingsRefunded: doc.bookingsRefunded,
      refundedAmount: doc.refundedAmount,
      paymentsDeclined: doc.paymentsDeclined,
      conversion: conversionOf(doc),
      revenueBeforeDiscounts,
      discounts,
      revenueAfterDiscounts: revenueBeforeDiscounts - discounts,
    };
  }
}
