import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import type { IncidentItemsResponse } from '@tessera/contracts';
import { IncidentItemsResponseSchema } from '@tessera/contracts/openapi';
import { CurrentUser, type AuthenticatedUser } from '@tessera/platform/auth/auth';
import { MinPositionInterceptor } from '../../read-your-writes/min-position.interceptor';
import { MyIncidentsQuery } from './my-incidents.query';

@UseInterceptors(MinPositionInterceptor)
@Controller('api/me')
export class MyIncidentsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @ApiOkResponse({ type: IncidentItemsResponseSchema, description: 'The incidents the caller reported, newest first (at most 500).' })
  @Get('incidents')
  myIncidents(@CurrentUser() user: AuthenticatedUser): Promise<IncidentItemsResponse> {
    return this.queries.execute(new MyIncidentsQuery(user.userId));
  }
}
