import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { LiveEventsResponse } from '@tessera/contracts';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { collectionName, RECENT_EVENTS, recentEventsDescriptor, type RecentEventDoc } from '@tessera/read-models';
import { RecentEventsQuery } from './recent-events.query';

@QueryHandler(RecentEventsQuery)
export class RecentEventsHandler implements IQueryHandler<RecentEventsQuery, LiveEventsResponse> {
  constructor(private readonly reads: ReadStore) {}

  async execute({ limit }: RecentEventsQuery): Promise<LiveEventsResponse> {
    const docs = await this.reads
      .collection<RecentEventDoc>(collectionName(recentEventsDescriptor, RECENT_EVENTS))
      .find({}, { sort: { _position: -1 }, limit, readOnly: true });
    return { items: docs.map((doc) => doc.event) };
  }
}
