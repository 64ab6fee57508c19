import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ShowListResponse, ShowSummary } from '@tessera/contracts';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { collectionName, seatingDescriptor, SHOW_CATALOGUE, type ShowCatalogueDoc } from '@tessera/read-models';
import { encodeCursor } from './catalogue-cursor';
import { ShowCatalogueQuery } from './show-catalogue.query';

/** Drafts are never `listed`, so the catalogue leaves them out; one extra row tells whether a next page exists. */
@QueryHandler(ShowCatalogueQuery)
export class ShowCatalogueHandler implements IQueryHandler<ShowCatalogueQuery, ShowListResponse> {
  constructor(private readonly reads: ReadStore) {}

  async execute({ limit, after }: ShowCatalogueQuery): Promise<ShowListResponse> {
    const filter: Record<string, unknown> = { listed: true };
    if (after) {
      filter.$or = [{ startsAt: { $gt: after.startsAt } }, { startsAt: after.startsAt, _id: { $gt: after.id } }];
    }
    const docs = await this.reads
      .collection<ShowCatalogueDoc>(collectionName(seatingDescriptor, SHOW_CATALOGUE))
      .find(filter, { sort: { startsAt: 1, _id: 1 }, limit: limit + 1 });
    const page = docs.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toSummary),
      nextCursor: docs.length > limit && last ? encodeCursor({ startsAt: last.startsAt, id: last._id }) : null,
    };
  }
}

const toSummary = (doc: ShowCatalogueDoc): ShowSummary => ({
  showId: doc.showId,
  name: doc.name,
  venue: doc.venue,
  startsAt: doc.startsAt,
  status: doc.status,
  currency: doc.currency,
  priceFrom: doc.priceFrom,
  capacity: doc.capacity,
  available: doc.available,
});
