import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';

/** Subscribes to the log and builds the read models; owns checkpoints and rebuilds. */
@Module({
  imports: [CqrsModule],
})
export class ProjectorModule {}
