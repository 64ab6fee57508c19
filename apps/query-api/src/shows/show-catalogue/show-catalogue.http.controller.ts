import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import type { ShowListResponse } from '@tessera/contracts';
import { ShowListResponseSchema } from '@tessera/contracts/openapi';
import { Public } from '@tessera/platform/auth/auth';
import { MinPositionInterceptor } from '../../read-your-writes/min-position.interceptor';
import { decodeCursor, parseLimit } from './catalogue-cursor';
import { ShowCatalogueQuery } from './show-catalogue.query';

@Public()
@UseInterceptors(MinPositionInterceptor)
@Controller('api/shows')
export class ShowCatalogueHttpController {
  constructor(private readonly queries: QueryBus) {}

  @ApiOkResponse({ type: ShowListResponseSchema, description: 'No seat map.' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'string', pattern: '^\\d+$' } })
  @ApiQuery({ name: 'cursor', required: false, description: 'The `nextCursor` of the previous page.' })
  @Get()
  list(@Query('limit') limit?: string, @Query('cursor') cursor?: string): Promise<ShowListResponse> {
    const size = parseLimit(limit);
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    return this.queries.execute(new ShowCatalogueQuery(size, after));
  }
}
