import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { IncidentItemsResponse } from '@tessera/contracts';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { incidentsIn, incidentSummaryOf, NEWEST_FIRST, WITHOUT_HISTORY } from '../incident-view';
import { MyIncidentsQuery } from './my-incidents.query';

/** A fan reports a handful of incidents; the newest 500 are more than any screen shows. */
export const MY_INCIDENTS_LIMIT = 500;

@QueryHandler(MyIncidentsQuery)
export class MyIncidentsHandler implements IQueryHandler<MyIncidentsQuery, IncidentItemsResponse> {
  constructor(private readonly reads: ReadStore) {}

  async execute({ userId }: MyIncidentsQuery): Promise<IncidentItemsResponse> {
    const docs = await incidentsIn(this.reads).find({ reporterId: userId }, { sort: NEWEST_FIRST, limit: MY_INCIDENTS_LIMIT, projection: WITHOUT_HISTORY });
    return { items: docs.map(incidentSummaryOf) };
  }
}
