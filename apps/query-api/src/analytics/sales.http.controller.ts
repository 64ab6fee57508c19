import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { DomainError } from '@tessera/domain';
import { Roles } from '@tessera/platform/auth/auth';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { collectionName } from '../../../projector/src/projection';
import { conversionOf, salesProjection, SHOW_SALES, type ShowSalesDoc } from '../../../projector/src/read-models';
import { MinPositionInterceptor } from '../read-your-writes/min-position.interceptor';

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
}

@Roles('admin')
@UseInterceptors(MinPositionInterceptor)
@Controller('api/analytics')
export class SalesHttpController {
  constructor(private readonly reads: ReadStore) {}

  @Get('shows/:showId/sales')
  async sales(@Param('showId') showId: string): Promise<ShowSalesResponse> {
    const doc = await this.reads.collection<ShowSalesDoc>(collectionName(salesProjection, SHOW_SALES)).findOne({ _id: showId });
    if (!doc) throw new DomainError('SHOW_NOT_FOUND', `show ${showId} does not exist`, { showId });
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
    };
  }
}
