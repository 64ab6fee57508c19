import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SalesHttpController } from './analytics/sales.http.controller';
import { AuditHttpController } from './audit/audit.http.controller';
import { BookingsHttpController } from './bookings/bookings.http.controller';
import { MinPositionInterceptor } from './read-your-writes/min-position.interceptor';
import { ShowsHttpController } from './shows/shows.http.controller';

/** HTTP reads: read models, audit (stream history) and analytics. */
@Module({
  imports: [CqrsModule],
  controllers: [ShowsHttpController, BookingsHttpController, SalesHttpController, AuditHttpController],
  providers: [MinPositionInterceptor],
})
export class QueryApiModule {}
