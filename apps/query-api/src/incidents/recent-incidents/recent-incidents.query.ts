import { Query } from '@nestjs/cqrs';
import type { IncidentItemsResponse } from '@tessera/contracts';

/** The last `limit` incidents opened, newest first (the live board, and the telemetry benchmark's probe). */
export class RecentIncidentsQuery extends Query<IncidentItemsResponse> {
  constructor(readonly limit: number) {
    super();
  }
}
