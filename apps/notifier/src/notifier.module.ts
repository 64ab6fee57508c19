import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { TesseraConfig } from '@tessera/platform/config/config';
import { MqttConnection } from '@tessera/platform/mqtt/mqtt-connection';
import { MqttModule } from '@tessera/platform/mqtt/mqtt.module';
import { CONFIG } from '@tessera/platform/platform.module';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { SeatLocks } from '@tessera/platform/seat-locks/seat-locks.port';
import { NotificationChannels } from './channels/notification-channel';
import { MqttChannel } from './mqtt/mqtt.channel';
import { ShowAvailabilityFeed } from './mqtt/show-availability.feed';

/** Subscribes to the log: e-mail, MQTT, the SSE live feed and the last-N events. */
@Module({
  imports: [CqrsModule, MqttModule],
  providers: [
    NotificationChannels,
    {
      provide: ShowAvailabilityFeed,
      inject: [ReadStore, MqttConnection, SeatLocks, CONFIG],
      useFactory: (reads: ReadStore, connection: MqttConnection, locks: SeatLocks, config: TesseraConfig) =>
        new ShowAvailabilityFeed(reads, connection, locks, config.MQTT_PUBLISH_TIMEOUT_MS),
    },
    MqttChannel,
  ],
  exports: [NotificationChannels],
})
export class NotifierModule {}
