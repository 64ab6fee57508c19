import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import type { LiveEventsResponse } from '@tessera/contracts';
import { LiveEventsResponseSchema } from '@tessera/contracts/openapi';
import { DomainError } from '@tessera/domain';
import { Roles } from '@tessera/platform/auth/auth';
import type { TesseraConfig } from '@tessera/platform/config/config';
import { InjectConfig } from '@tessera/platform/platform.module';
import { RecentEventsMinPosition } from './recent-events.min-position';
import { RecentEventsQuery } from './recent-events.query';

const DEFAULT_LIMIT = 50;

/** GET /api/notifications/events: the last EVENT_BUFFER_SIZE events of the live feed, newest first (staff, admin). */
@Roles('staff', 'admin')
@UseInterceptors(RecentEventsMinPosition)
@Controller('api/notifications')
export class RecentEventsHttpController {
  constructor(
    private readonly queries: QueryBus,
    @InjectConfig() private readonly config: TesseraConfig,
  ) {}

  @ApiOkResponse({ type: LiveEventsResponseSchema, description: 'Newest first; at most EVENT_BUFFER_SIZE; kept across restarts.' })
  @ApiQuery({ name: 'limit', required: false, description: 'Default 50, at most EVENT_BUFFER_SIZE.', schema: { type: 'string', pattern: '^\\d{1,5}$' } })
  @Get('events')
  events(@Query('limit') limit?: string): Promise<LiveEventsResponse> {
    const max = this.config.EVENT_BUFFER_SIZE;
    let size = Math.min(DEFAULT_LIMIT, max);
    if (limit !== undefined) {
      if (!/^\d{1,5}$/.test(limit) || Number(limit) < 1 || Number(limit) > max) {
        throw new DomainError('VALIDATION_FAILED', `limit must be a whole number from 1 to ${max}`, { errors: [{ field: 'limit', message: `must be from 1 to ${max}` }] });
      }
      size = Number(limit);
    }
    return this.queries.execute(new RecentEventsQuery(size));
  }
}
