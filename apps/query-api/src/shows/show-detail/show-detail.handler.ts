import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ShowDetailResponse } from '@tessera/contracts';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { visibleShow } from '../visible-show';
import { ShowDetailQuery } from './show-detail.query';

/** The show detail document, field by field: the read model's bookkeeping (`_id`, `_position`) stays inside. */
@QueryHandler(ShowDetailQuery)
export class ShowDetailHandler implements IQueryHandler<ShowDetailQuery, ShowDetailResponse> {
  constructor(private readonly reads: ReadStore) {}

  async execute({ showId, viewer }: ShowDetailQuery): Promise<ShowDetailResponse> {
    const doc = await visibleShow(this.reads, showId, viewer);
    return {
      showId: doc.showId,
      name: doc.name,
      venue: doc.venue,
      startsAt: doc.startsAt,
      status: doc.status,
      currency: doc.currency,
      holdMinutes: doc.holdMinutes,
      maxSeatsPerBooking: doc.maxSeatsPerBooking,
      categories: doc.categories,
      sections: doc.sections,
      ...(doc.waitingRoom ? { waitingRoom: doc.waitingRoom } : {}),
    };
  }
}
