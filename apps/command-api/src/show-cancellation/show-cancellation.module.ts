import { Module } from '@nestjs/common';
import { BookingsModule } from '../bookings/bookings.module';
import { ShowCancellationReaction } from './show-cancellation.reaction';

/**
 * The durable reaction that undoes the bookings of a cancelled show. It refunds through the
 * PaymentProvider that BookingsModule binds, so both refund paths share one provider.
 */
@Module({
  imports: [BookingsModule],
  providers: [ShowCancellationReaction],
  exports: [ShowCancellationReaction],
})
export class ShowCancellationModule {}
