import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CancelShowController } from './cancel-show.http.controller';
import { CancelShowHandler } from './cancel-show.handler';
import { ShowCancellationModule } from '../../show-cancellation/show-cancellation.module';

/** POST /api/shows/{showId}/cancel, and the reaction that undoes the show's bookings. */
@Module({
  // The endpoint and the reaction that completes its work ship together.
  imports: [CqrsModule, ShowCancellationModule],
  controllers: [CancelShowController],
  providers: [CancelShowHandler],
})
export class CancelShowModule {}
