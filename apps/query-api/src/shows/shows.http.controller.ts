import { Controller, Get, Param, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import type { ShowDetailResponse, ShowListResponse, ShowSummary } from '@tessera/contracts';
import { DomainError } from '@tessera/domain';
import { CurrentUser, Public, type AuthenticatedUser } from '@tessera/platform/auth/auth';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import type { Request, Response } from 'express';
import { collectionName } from '../../../projector/src/projection';
import {
  SEAT_MAP,
  SHOW_CATALOGUE,
  SHOW_DETAIL,
  sectionDocId,
  seatingProjection,
  type SeatMapSectionDoc,
  type ShowCatalogueDoc,
  type ShowDetailDoc,
} from '../../../projector/src/read-models';
import { MinPositionInterceptor } from '../read-your-writes/min-position.interceptor';
import { decodeCursor, encodeCursor, parseLimit } from './cursor';
import { SeatMapCache } from './seat-map-renderer';

/**
 * Public reads of shows: the catalogue, one show's detail and its seat map. Draft shows are
 * invisible to everyone but admins (404 as if they did not exist), so a show being prepared
 * does not leak before it is published.
 */
@Public()
@UseInterceptors(MinPositionInterceptor)
@Controller('api/shows')
export class ShowsHttpController {
  private readonly seatMaps = new SeatMapCache();

  constructor(private readonly reads: ReadStore) {}

  @Get()
  async list(@Query('limit') limit?: string, @Query('cursor') cursor?: string): Promise<ShowListResponse> {
    const size = parseLimit(limit);
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    const filter: Record<string, unknown> = { listed: true };
    if (after) {
      filter.$or = [{ startsAt: { $gt: after.startsAt } }, { startsAt: after.startsAt, _id: { $gt: after.id } }];
    }
    const docs = await this.collection<ShowCatalogueDoc>(SHOW_CATALOGUE).find(filter, { sort: { startsAt: 1, _id: 1 }, limit: size + 1 });
    const page = docs.slice(0, size);
    const last = page.at(-1);
    return {
      items: page.map(toSummary),
      nextCursor: docs.length > size && last ? encodeCursor({ startsAt: last.startsAt, id: last._id }) : null,
    };
  }

  @Get(':showId')
  async detail(@Param('showId') showId: string, @CurrentUser() user?: AuthenticatedUser): Promise<ShowDetailResponse> {
    const doc = await this.visibleShow(showId, user);
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
    };
  }

  /** Served from cached JSON per section: the hot path of a busy on-sale. */
  @Get(':showId/seats')
  async seats(
    @Param('showId') showId: string,
    @Req() req: Request,
    @Res() res: Response,
    @Query('section') section?: string,
    @CurrentUser() user?: AuthenticatedUser,
  ): Promise<void> {
    const show = await this.visibleShow(showId, user);
    const sectionIds = section === undefined ? show.sections.map((s) => s.id) : [section];
    if (section !== undefined && !show.sections.some((s) => s.id === section)) {
      throw new DomainError('NOT_FOUND', `show ${showId} has no section ${section}`, { section });
    }
    const docs = await this.collection<SeatMapSectionDoc>(SEAT_MAP).find({ _id: { $in: sectionIds.map((id) => sectionDocId(showId, id)) } });
    const byId = new Map(docs.map((doc) => [doc.sectionId, doc]));
    const ordered = sectionIds.flatMap((id) => byId.get(id) ?? []);
    const { body, etag } = this.seatMaps.response(showId, ordered, section ?? '*');
    // Our own ETag (from the sections' positions) also spares Express hashing megabytes per request.
    res.setHeader('ETag', etag);
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    res.status(200).type('application/json').send(body);
  }

  private async visibleShow(showId: string, user?: AuthenticatedUser): Promise<ShowDetailDoc> {
    const doc = await this.collection<ShowDetailDoc>(SHOW_DETAIL).findOne({ _id: showId });
    if (!doc || (doc.status === 'draft' && !user?.roles.includes('admin'))) {
      throw new DomainError('SHOW_NOT_FOUND', `show ${showId} does not exist`, { showId });
    }
    return doc;
  }

  private collection<T extends SeatMapSectionDoc | ShowDetailDoc | ShowCatalogueDoc>(logical: string) {
    return this.reads.collection<T>(collectionName(seatingProjection, logical));
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
