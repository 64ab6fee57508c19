import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { BookingView } from '@tessera/contracts';
import { CurrentUser, type AuthenticatedUser } from '@tessera/platform/auth/auth';
import { MinPositionInterceptor } from '../../read-your-writes/min-position.interceptor';
import { BookingStatusQuery } from './booking-status.query';

@UseInterceptors(MinPositionInterceptor)
@Controller('api/bookings')
export class BookingStatusHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':bookingId')
  booking(@Param('bookingId') bookingId: string, @CurrentUser() user: AuthenticatedUser): Promise<BookingView> {
    return this.queries.execute(new BookingStatusQuery(bookingId, user.userId));
  }
}
