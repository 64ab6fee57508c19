import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ProjectionProgress } from '@tessera/read-models';
import { HoldReleaseMetrics } from './hold-release-metrics';
import { Projector } from './projector';

/** Subscribes to the log and builds the read models; owns checkpoints and rebuilds. */
@Module({
  imports: [CqrsModule],
  providers: [Projector, { provide: ProjectionProgress, useExisting: Projector }, HoldReleaseMetrics],
  exports: [Projector, ProjectionProgress],
})
export class ProjectorModule {}
