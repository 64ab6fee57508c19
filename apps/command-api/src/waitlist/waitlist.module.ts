import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { BookingsModule } from '../bookings/bookings.module';
import { JoinWaitlistHandler } from './join-waitlist/join-waitlist.handler';
import { JoinWaitlistHttpController } from './join-waitlist/join-waitlist.http.controller';
import { LeaveWaitlistHandler } from './leave-waitlist/leave-waitlist.handler';
import { LeaveWaitlistHttpController } from './leave-waitlist/leave-waitlist.http.controller';
import { WaitlistOffersReaction } from './waitlist-offers/waitlist-offers.reaction';

/**
 * A show's waiting list: joining and leaving it, and the reaction that offers seats that come
 * back to the waiting entries (a hold made through the bookings' placement, so it is a booking
 * like any other).
 */
@Module({
  imports: [CqrsModule, BookingsModule],
  controllers: [JoinWaitlistHttpController, LeaveWaitlistHttpController],
  providers: [JoinWaitlistHandler, LeaveWaitlistHandler, WaitlistOffersReaction],
  exports: [WaitlistOffersReaction],
})
export class WaitlistModule {}
