import { Query } from '@nestjs/cqrs';
import type { StatsResponse } from '@tessera/contracts';

/** The live counters: incidents, devices, sales. */
export class LiveStatsQuery extends Query<StatsResponse> {}
