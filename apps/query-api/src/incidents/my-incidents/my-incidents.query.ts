import { Query } from '@nestjs/cqrs';
import type { IncidentItemsResponse } from '@tessera/contracts';

/** The incidents the caller reported, newest first. */
export class MyIncidentsQuery extends Query<IncidentItemsResponse> {
  constructor(readonly userId: string) {
    super();
  }
}
