import { Global, Module } from '@nestjs/common';
import { NotificationChannels } from './notification-channel';

/**
 * The channel registry, global so that a channel's module (e-mail, MQTT) injects
 * NotificationChannels and registers in `onModuleInit` without importing the notifier.
 */
@Global()
@Module({ providers: [NotificationChannels], exports: [NotificationChannels] })
export class NotificationChannelsModule {}
