import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { NotificationChannelsModule } from './channels/notification-channels.module';
import { ChannelConsumers } from './delivery/channel-consumers';
import { DeliveryLedger } from './delivery/delivery-ledger';
import { EmailModule } from './email/email.module';

/**
 * Subscribes to the log: e-mail, MQTT, the SSE live feed and the last-N events. Each channel
 * module registers its channel in NotificationChannels; ChannelConsumers gives every channel its
 * own consumer-group member over the log.
 */
@Module({
  imports: [CqrsModule, NotificationChannelsModule, EmailModule],
  providers: [DeliveryLedger, ChannelConsumers],
})
export class NotifierModule {}
