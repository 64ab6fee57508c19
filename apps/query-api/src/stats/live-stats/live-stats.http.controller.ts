import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import type { StatsResponse } from '@tessera/contracts';
import { StatsResponseSchema } from '@tessera/contracts/openapi';
import { Roles } from '@tessera/platform/auth/auth';
import { MinPositionInterceptor } from '../../read-your-writes/min-position.interceptor';
import { LiveStatsQuery } from './live-stats.query';

@UseInterceptors(MinPositionInterceptor)
@Controller('api/stats')
export class LiveStatsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @ApiOkResponse({ type: StatsResponseSchema, description: 'Live counters kept by the projector; one lookup, never a scan.' })
  @Get()
  @Roles('staff', 'admin')
  stats(): Promise<StatsResponse> {
    return this.queries.execute(new LiveStatsQuery());
  }
}
