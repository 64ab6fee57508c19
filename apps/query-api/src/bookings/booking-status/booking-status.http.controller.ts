import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import type { BookingView } from '@tessera/contracts';
import { BookingViewSchema } from '@tessera/contracts/openapi';
import { CurrentUser, type AuthenticatedUser } from '@tessera/platform/auth/auth';
import { ApiProblems } from '@tessera/platform/http/openapi';
import { MinPositionInterceptor } from '../../read-your-writes/min-position.interceptor';
import { BookingStatusQuery } from './booking-status.query';

@UseInterceptors(MinPositionInterceptor)
@Controller('api/bookings')
export class BookingStatusHttpController {
  constructor(private readonly queries: QueryBus) {}

  @ApiOkResponse({ type: BookingViewSchema })
  @ApiProblems('BOOKING_NOT_FOUND')
  @Get(':bookingId')
  booking(@Param('bookingId') bookingId: string, @CurrentUser() user: AuthenticatedUser): Promise<BookingView> {
    return this.queries.execute(new BookingStatusQuery(bookingId, user.userId));
  }
}
