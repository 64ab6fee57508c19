import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import type { MyTicketsResponse } from '@tessera/contracts';
import { MyTicketsResponseSchema } from '@tessera/contracts/openapi';
import { CurrentUser, type AuthenticatedUser } from '@tessera/platform/auth/auth';
import { MinPositionInterceptor } from '../../read-your-writes/min-position.interceptor';
import { MyTicketsQuery } from './my-tickets.query';

@UseInterceptors(MinPositionInterceptor)
@Controller('api/me')
export class MyTicketsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @ApiOkResponse({ type: MyTicketsResponseSchema })
  @Get('tickets')
  myTickets(@CurrentUser() user: AuthenticatedUser): Promise<MyTicketsResponse> {
    return this.queries.execute(new MyTicketsQuery(user.userId));
  }
}
