import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AccountsModule } from './accounts/accounts.module';
import { TicketsModule } from './tickets/tickets.module';

/** HTTP writes: validates commands, takes seat locks, appends events. */
@Module({
  imports: [CqrsModule, AccountsModule, TicketsModule],
})
export class CommandApiModule {}
