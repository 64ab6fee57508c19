import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';

/** HTTP reads: read models, audit (stream history) and analytics. */
@Module({
  imports: [CqrsModule],
})
export class QueryApiModule {}
