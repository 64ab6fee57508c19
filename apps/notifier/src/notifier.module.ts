import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';

/** Subscribes to the log: e-mail, MQTT, the SSE live feed and the last-N events. */
@Module({
  imports: [CqrsModule],
})
export class NotifierModule {}
