import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import type { IncidentItemsResponse } from '@tessera/contracts';
import { IncidentItemsResponseSchema } from '@tessera/contracts/openapi';
import { Roles } from '@tessera/platform/auth/auth';
import { MinPositionInterceptor } from '../../read-your-writes/min-position.interceptor';
import { parseLimit } from '../../paging/position-cursor';
import { RecentIncidentsQuery } from './recent-incidents.query';

const DEFAULT_RECENT = 50;
const MAX_RECENT = 500;

@UseInterceptors(MinPositionInterceptor)
@Controller('api/incidents')
export class RecentIncidentsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @ApiOkResponse({ type: IncidentItemsResponseSchema, description: 'Newest first.' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'string', pattern: '^\\d+$' }, description: `1–${MAX_RECENT}, default ${DEFAULT_RECENT}.` })
  @Get('recent')
  @Roles('staff', 'admin')
  recent(@Query('limit') limit?: string): Promise<IncidentItemsResponse> {
    return this.queries.execute(new RecentIncidentsQuery(parseLimit(limit, { fallback: DEFAULT_RECENT, max: MAX_RECENT })));
  }
}
