import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { StatsResponse } from '@tessera/contracts';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { collectionName, LIVE_STATS, LIVE_STATS_ID, liveStatsDescriptor, type LiveStatsDoc } from '@tessera/read-models';
import { LiveStatsQuery } from './live-stats.query';

/** One document lookup: the projector keeps the counters as events arrive. Before any event, all zero. */
@QueryHandler(LiveStatsQuery)
export class LiveStatsHandler implements IQueryHandler<LiveStatsQuery, StatsResponse> {
  constructor(private readonly reads: ReadStore) {}

  async execute(): Promise<StatsResponse> {
    const doc = await this.reads.collection<LiveStatsDoc>(collectionName(liveStatsDescriptor, LIVE_STATS)).findOne({ _id: LIVE_STATS_ID });
    if (!doc) {
      return {
        incidents: {
          open: 0,
          bySeverity: { critical: 0, high: 0, medium: 0, low: 0 },
          byStatus: { new: 0, acknowledged: 0, in_progress: 0, pending: 0, resolved: 0, closed: 0 },
          breached: 0,
        },
        devices: { total: 0, online: 0, degraded: 0, offline: 0, silent: 0 },
        sales: { showsOnSale: 0, seatsSold: 0, revenueByCurrency: {} },
        position: '0',
      };
    }
    return { incidents: doc.incidents, devices: doc.devices, sales: doc.sales, position: String(doc._position) };
  }
}
