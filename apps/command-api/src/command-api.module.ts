import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AccountsModule } from './accounts/accounts.module';

/** HTTP writes: validates commands, takes seat locks, appends events. */
@Module({
  imports: [CqrsModule, AccountsModule],
})
export class CommandApiModule {}
