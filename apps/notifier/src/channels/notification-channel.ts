import { Injectable } from '@nestjs/common';
import type { EventFilter, RecordedEvent } from '@tessera/platform/event-store/event-store.port';

/**
 * One way the notifier tells the world about an event: e-mail, MQTT. Each channel is consumed on
 * its own (its own consumer-group member over the log), so a channel that fails (an SMTP outage)
 * never holds up another. The notifier records what a channel delivered by event id, so an
 * event handed over again (at least once) is delivered once.
 */
export interface NotificationChannel {
  /** Names the channel in the delivery records, the consumer group, logs and metrics: `email`, `mqtt`. */
  readonly name: string;
  /** The events this channel wants; the others never reach it. */
  readonly filter: EventFilter;
  /**
   * Delivers what `event` means on this channel. Throwing a RetryableDeliveryError (or any error)
   * has the event tried again with backoff; a PermanentDeliveryError parks it at once.
   */
  deliver(event: RecordedEvent): Promise<void>;
}

/** A failure worth trying again later (a broker or SMTP server down, a 4xx answer). */
export class RetryableDeliveryError extends Error {}

/** A failure that trying again will not mend (a 5xx refusal of a recipient): the event is parked. */
export class PermanentDeliveryError extends Error {}

/** Where channel modules register their channel (in `onModuleInit`); the notifier consumes one subscription per channel. */
@Injectable()
export class NotificationChannels {
  private readonly channels = new Map<string, NotificationChannel>();

  register(channel: NotificationChannel): void {
    if (this.channels.has(channel.name)) throw new Error(`notification channel ${channel.name} is registered twice`);
    this.channels.set(channel.name, channel);
  }

  all(): NotificationChannel[] {
    return [...this.channels.values()];
  }
}
