import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { IncidentItemsResponse } from '@tessera/contracts';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { incidentsIn, incidentSummaryOf, NEWEST_FIRST, WITHOUT_HISTORY } from '../incident-view';
import { RecentIncidentsQuery } from './recent-incidents.query';

@QueryHandler(RecentIncidentsQuery)
export class RecentIncidentsHandler implements IQueryHandler<RecentIncidentsQuery, IncidentItemsResponse> {
  constructor(private readonly reads: ReadStore) {}

  async execute({ limit }: RecentIncidentsQuery): Promise<IncidentItemsResponse> {
    const docs = await incidentsIn(this.reads).find({}, { sort: NEWEST_FIRST, limit, projection: WITHOUT_HISTORY });
    return { items: docs.map(incidentSummaryOf) };
  }
}
