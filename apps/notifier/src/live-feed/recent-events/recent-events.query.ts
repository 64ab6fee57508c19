import { Query } from '@nestjs/cqrs';
import type { LiveEventsResponse } from '@tessera/contracts';

/** The newest `limit` events of the live feed, newest first. */
export class RecentEventsQuery extends Query<LiveEventsResponse> {
  constructor(readonly limit: number) {
    super();
  }
}
