import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LiveFeedModule } from './live-feed/live-feed.module';

/** Subscribes to the log: e-mail, MQTT, the SSE live feed and the last-N events. */
@Module({
  imports: [CqrsModule, LiveFeedModule],
})
export class NotifierModule {}
