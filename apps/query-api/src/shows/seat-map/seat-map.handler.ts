import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@tessera/domain';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { collectionName, SEAT_MAP, seatingDescriptor, type SeatMapSectionDoc, sectionDocId } from '@tessera/read-models';
import { visibleShow } from '../visible-show';
import { SeatMapQuery } from './seat-map.query';
import { SeatMapCache, type RenderedSeatMap } from './seat-map-renderer';

/**
 * The hot path of a busy on-sale. The handler is a singleton, so its cache of rendered sections
 * lives as long as the app and only sections that changed since the last read are rendered again.
 */
@QueryHandler(SeatMapQuery)
export class SeatMapHandler implements IQueryHandler<SeatMapQuery, RenderedSeatMap> {
  private readonly seatMaps = new SeatMapCache();

  constructor(private readonly reads: ReadStore) {}

  async execute({ showId, section, viewer }: SeatMapQuery): Promise<RenderedSeatMap> {
    const show = await visibleShow(this.reads, showId, viewer);
    const sectionIds = section === undefined ? show.sections.map((s) => s.id) : [section];
    if (section !== undefined && !show.sections.some((s) => s.id === section)) {
      throw new DomainError('NOT_FOUND', `show ${showId} has no section ${section}`, { section });
    }
    const docs = await this.reads
      .collection<SeatMapSectionDoc>(collectionName(seatingDescriptor, SEAT_MAP))
      .find({ _id: { $in: sectionIds.map((id) => sectionDocId(showId, id)) } });
    const byId = new Map(docs.map((doc) => [doc.sectionId, doc]));
    const ordered = sectionIds.flatMap((id) => byId.get(id) ?? []);
    return this.seatMaps.response(showId, ordered, section ?? '*');
  }
}
