import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Roles } from '@tessera/platform/auth/auth';
import { MinPositionInterceptor } from '../../read-your-writes/min-position.interceptor';
import { ShowSalesQuery, type ShowSalesResponse } from './show-sales.query';

@Roles('admin')
@UseInterceptors(MinPositionInterceptor)
@Controller('api/analytics')
export class ShowSalesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('shows/:showId/sales')
  sales(@Param('showId') showId: string): Promise<ShowSalesResponse> {
    return this.queries.execute(new ShowSalesQuery(showId));
  }
}
