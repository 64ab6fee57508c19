import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { TesseraConfig } from '@tessera/platform/config/config';
import { MqttConnection } from '@tessera/platform/mqtt/mqtt-connection';
import { MqttModule } from '@tessera/platform/mqtt/mqtt.module';
import { CONFIG } from '@tessera/platform/platform.module';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { SeatLocks } from '@tessera/platform/seat-locks/seat-locks.port';
import { NotificationChannelsModule } from './channels/notification-channels.module';
import { ChannelConsumers } from './delivery/channel-consumers';
import { DeliveryLedger } from './delivery/delivery-ledger';
import { EmailModule } from './email/email.module';
import { LiveFeedModule } from './live-feed/live-feed.module';
import { MqttChannel } from './mqtt/mqtt.channel';
import { ShowAvailabilityFeed } from './mqtt/show-availability.feed';

/**
 * Subscribes to the log: e-mail, MQTT, the SSE live feed and the last-N events. Each channel
 * module registers its channel in NotificationChannels; ChannelConsumers gives every channel its
 * own consumer-group member over the log.
 */
@Module({
  imports: [CqrsModule, NotificationChannelsModule, EmailModule, MqttModule, LiveFeedModule],
  providers: [
    DeliveryLedger,
    ChannelConsumers,
    {
      provide: ShowAvailabilityFeed,
      inject: [ReadStore, MqttConnection, SeatLocks, CONFIG],
      useFactory: (reads: ReadStore, connection: MqttConnection, locks: SeatLocks, config: TesseraConfig) =>
        new ShowAvailabilityFeed(reads, connection, locks, config.MQTT_PUBLISH_TIMEOUT_MS),
    },
    MqttChannel,
  ],
})
export class NotifierModule {}
