import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { INCIDENT_CATEGORIES, INCIDENT_PRIORITIES, INCIDENT_SEVERITIES, INCIDENT_STATUSES, type IncidentListResponse } from '@tessera/contracts';
import { IncidentListResponseSchema } from '@tessera/contracts/openapi';
import { Roles } from '@tessera/platform/auth/auth';
import { MinPositionInterceptor } from '../../read-your-writes/min-position.interceptor';
import { decodePositionCursor, parseLimit } from '../../paging/position-cursor';
import { DEFAULT_LIMIT, MAX_LIMIT, parseFilters } from './incident-list-parameters';
import { IncidentListQuery } from './incident-list.query';

@UseInterceptors(MinPositionInterceptor)
@Controller('api/incidents')
export class IncidentListHttpController {
  constructor(private readonly queries: QueryBus) {}

  @ApiOkResponse({ type: IncidentListResponseSchema, description: 'Newest first.' })
  @ApiQuery({ name: 'status', required: false, enum: INCIDENT_STATUSES })
  @ApiQuery({ name: 'severity', required: false, enum: INCIDENT_SEVERITIES })
  @ApiQuery({ name: 'priority', required: false, enum: INCIDENT_PRIORITIES })
  @ApiQuery({ name: 'category', required: false, enum: INCIDENT_CATEGORIES })
  @ApiQuery({ name: 'source', required: false, enum: ['report', 'device'] })
  @ApiQuery({ name: 'venueId', required: false })
  @ApiQuery({ name: 'assigneeId', required: false, description: 'A user id: the incidents assigned to them; `none`: the unassigned ones.' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'string', pattern: '^\\d+$' }, description: `1–${MAX_LIMIT}, default ${DEFAULT_LIMIT}.` })
  @ApiQuery({ name: 'cursor', required: false, description: 'The `nextCursor` of the previous page.' })
  @Get()
  @Roles('staff', 'admin')
  list(
    @Query('status') status?: string,
    @Query('severity') severity?: string,
    @Query('priority') priority?: string,
    @Query('category') category?: string,
    @Query('source') source?: string,
    @Query('venueId') venueId?: string,
    @Query('assigneeId') assigneeId?: string,
    @Query('limit') limit?: string,
    @Query('cursor') cursor?: string,
  ): Promise<IncidentListResponse> {
    const filters = parseFilters({ status, severity, priority, category, source, venueId, assigneeId });
    const size = parseLimit(limit, { fallback: DEFAULT_LIMIT, max: MAX_LIMIT });
    return this.queries.execute(new IncidentListQuery(filters, size, cursor === undefined ? undefined : decodePositionCursor(cursor)));
  }
}
