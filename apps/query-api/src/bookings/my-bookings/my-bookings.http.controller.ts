import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import type { MyBookingsResponse } from '@tessera/contracts';
import { MyBookingsResponseSchema } from '@tessera/contracts/openapi';
import { CurrentUser, type AuthenticatedUser } from '@tessera/platform/auth/auth';
import { MinPositionInterceptor } from '../../read-your-writes/min-position.interceptor';
import { MyBookingsQuery } from './my-bookings.query';

@UseInterceptors(MinPositionInterceptor)
@Controller('api/me')
export class MyBookingsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @ApiOkResponse({ type: MyBookingsResponseSchema })
  @Get('bookings')
  myBookings(@CurrentUser() user: AuthenticatedUser): Promise<MyBookingsResponse> {
    return this.queries.execute(new MyBookingsQuery(user.userId));
  }
}
