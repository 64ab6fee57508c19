import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AccountsModule } from './accounts/accounts.module';
import { BookingsModule } from './bookings/bookings.module';
import { IncidentsModule } from './incidents/incidents.module';
import { DevicesModule } from './devices/devices.module';
import { CancelShowModule } from './shows/cancel-show/cancel-show.module';
import { ShowsModule } from './shows/shows.module';
import { VouchersModule } from './vouchers/vouchers.module';
import { TicketsModule } from './tickets/tickets.module';
import { WaitingRoomModule } from './waiting-room/waiting-room.module';
import { WaitlistModule } from './waitlist/waitlist.module';

/** HTTP writes: validates commands, takes seat locks, appends events. */
@Module({
  imports: [CqrsModule, AccountsModule, TicketsModule, CancelShowModule, ShowsModule, BookingsModule, IncidentsModule, DevicesModule, VouchersModule, WaitlistModule, WaitingRoomModule],
})
export class CommandApiModule {}
