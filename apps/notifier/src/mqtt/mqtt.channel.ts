import { Injectable, type OnModuleInit } from '@nestjs/common';
import { availabilityShowOf, InvalidTopicLevelError, MQTT_EVENT_TYPES, mqttMessagesOf } from '@tessera/contracts';
import type { EventFilter, RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { MqttConnection } from '@tessera/platform/mqtt/mqtt-connection';
import { NotificationChannels, PermanentDeliveryError, RetryableDeliveryError, type NotificationChannel } from '../channels/notification-channel';
import { ShowAvailabilityFeed } from './show-availability.feed';

/**
 * The MQTT channel (API.md, Live feeds): each event it consumes becomes its messages
 * (`mqttMessagesOf`, in libs/contracts) published at QoS 1, and a seat or show event also
 * refreshes the show's retained availability (ShowAvailabilityFeed). A delivery succeeds once the
 * broker has acknowledged every message; a broker that is away makes it fail to be retried, and
 * the retry publishes the same payloads again (same event id), so subscribers can drop duplicates.
 */
@Injectable()
export class MqttChannel implements NotificationChannel, OnModuleInit {
  readonly name = 'mqtt';
  readonly filter: EventFilter = { eventTypes: MQTT_EVENT_TYPES };

  constructor(
    private readonly channels: NotificationChannels,
    private readonly connection: MqttConnection,
    private readonly availability: ShowAvailabilityFeed,
  ) {}

  onModuleInit(): void {
    this.channels.register(this);
  }

  async deliver(event: RecordedEvent): Promise<void> {
    try {
      const showId = availabilityShowOf(event);
      await Promise.all([
        ...mqttMessagesOf(event).map((message) => this.connection.publish(message)),
        ...(showId ? [this.availability.publishAfter(event, showId)] : []),
      ]);
    } catch (error) {
      if (error instanceof RetryableDeliveryError || error instanceof PermanentDeliveryError) throw error;
      // An id no topic can carry will not get better by waiting.
      if (error instanceof InvalidTopicLevelError) throw new PermanentDeliveryError(error.message);
      throw new RetryableDeliveryError(`MQTT delivery of ${event.type} ${event.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
