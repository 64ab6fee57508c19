import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';

/** HTTP writes: validates commands, takes seat locks, appends events. */
@Module({
  imports: [CqrsModule],
})
export class CommandApiModule {}
