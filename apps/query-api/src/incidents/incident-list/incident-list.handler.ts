import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { IncidentListResponse } from '@tessera/contracts';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { incidentsIn, incidentSummaryOf, NEWEST_FIRST, WITHOUT_HISTORY } from '../incident-view';
import { encodePositionCursor } from '../../paging/position-cursor';
import { IncidentListQuery } from './incident-list.query';

/** One extra row tells whether a next page exists. */
@QueryHandler(IncidentListQuery)
export class IncidentListHandler implements IQueryHandler<IncidentListQuery, IncidentListResponse> {
  constructor(private readonly reads: ReadStore) {}

  async execute({ filters, limit, before }: IncidentListQuery): Promise<IncidentListResponse> {
    const filter: Record<string, unknown> = { ...filters };
    if (before !== undefined) filter.reportedPosition = { $lt: before };
    const docs = await incidentsIn(this.reads).find(filter, { sort: NEWEST_FIRST, limit: limit + 1, projection: WITHOUT_HISTORY });
    const page = docs.slice(0, limit);
    const last = page.at(-1);
    return { items: page.map(incidentSummaryOf), nextCursor: docs.length > limit && last ? encodePositionCursor(last.reportedPosition) : null };
  }
}
