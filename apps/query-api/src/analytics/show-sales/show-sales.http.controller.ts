import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import { ShowSalesResponseSchema } from '@tessera/contracts/openapi';
import { Roles } from '@tessera/platform/auth/auth';
import { ApiProblems } from '@tessera/platform/http/openapi';
import { MinPositionInterceptor } from '../../read-your-writes/min-position.interceptor';
import { ShowSalesQuery, type ShowSalesResponse } from './show-sales.query';

@Roles('admin')
@UseInterceptors(MinPositionInterceptor)
@Controller('api/analytics')
export class ShowSalesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @ApiOkResponse({ type: ShowSalesResponseSchema })
  @ApiProblems('SHOW_NOT_FOUND')
  @Get('shows/:showId/sales')
  sales(@Param('showId') showId: string): Promise<ShowSalesResponse> {
    return this.queries.execute(new ShowSalesQuery(showId));
  }
}
