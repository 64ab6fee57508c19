import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import type { TesseraConfig } from '@tessera/platform/config/config';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { Metrics } from '@tessera/platform/observability/metrics';
import { InjectConfig } from '@tessera/platform/platform.module';
import type { Subscription } from '@tessera/platform/subscriptions/subscription';
import { Subscriptions } from '@tessera/platform/subscriptions/subscriptions';
import { Clock } from '@tessera/platform/time/clock';
import type { Counter } from 'prom-client';
import { NotificationChannels, PermanentDeliveryError, type NotificationChannel } from '../channels/notification-channel';
import { DeliveryLedger } from './delivery-ledger';

const LEDGER_RETENTION_MS = 24 * 3_600_000;
const LEDGER_PRUNE_EVERY_MS = 10 * 60_000;

/** The consumer group of a channel: every notifier instance joins it, and they share the channel's events. */
export const channelGroupOf = (channel: string): string => `notifier-${channel}`;

/**
 * One consumer-group member over the log for every registered channel. Each channel has its own
 * group (`notifier-<channel>`), so its failures, retries and backoff are its own: an SMTP outage
 * never holds up MQTT. Instances share a channel's events (partitioned by stream); the delivery
 * ledger keeps a redelivered event from being delivered twice. (On the embedded read store each
 * channel reads alone, with a checkpoint: see `mode`.)
 *
 * Retries live in two places. A channel whose delivery is itself a durable hand-over (e-mail: it
 * only writes the outbox, which has its own backoff and parking per message) rarely fails here.
 * For the others a failing event is retried by the subscription (a few attempts with backoff),
 * then handed back to the group and delivered again after a restart with a growing delay, and
 * parked by the group after NOTIFIER_MAX_DELIVERIES deliveries (reading alone, it is tried
 * again, with the restarts' backoff, until it goes through). A PermanentDeliveryError parks
 * it at once: it is recorded as `failed` and not tried again. The channel's later events wait
 * behind a retried one (per channel order is kept); other channels do not.
 */
@Injectable()
export class ChannelConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Notifier');
  private readonly subscriptions: Subscription[] = [];
  private pruneTimer?: NodeJS.Timeout;
  private readonly deliveries: Counter<string>;
  /**
   * Reading alone (`single`), per channel: the events delivered and recorded in the ledger that
   * the channel's saved checkpoint has not passed yet, oldest first. Once it has, the log never
   * hands them over again and their records are forgotten: the ledger stays as small as the
   * batches in hand instead of a day of events (about 1.9 KB a booking, bench:memory).
   */
  private readonly unsettled = new Map<string, { position: number; eventId: string }[]>();

  constructor(
    private readonly channels: NotificationChannels,
    private readonly ledger: DeliveryLedger,
    private readonly factory: Subscriptions,
    private readonly clock: Clock,
    metrics: Metrics,
    @InjectConfig() private readonly config: TesseraConfig,
  ) {
    this.deliveries = metrics.counter(
      'tessera_notifier_deliveries_total',
      'Events handed to a notifier channel, by outcome: delivered, duplicate (delivered before: skipped), retried (failed, will be tried again), failed (parked)',
      ['channel', 'outcome'],
    );
  }

  /**
   * A consumer group where instances share a durable read store (MongoDB). On the embedded read
   * store, which a crash rolls back to its last snapshot (saved every 30 s), a group's position in
   * the log would run ahead of the outbox and the ledger, and what they lost would not come back;
   * there a channel reads alone with its checkpoint in the read store, so after a crash it
   * replays from where the snapshot left off: e-mails are written again (the same ids), none lost.
   */
  private get mode(): 'group' | 'single' {
    const chosen = this.config.NOTIFIER_CONSUMER;
    if (chosen !== 'auto') return chosen;
    return this.config.mode.readStore === 'embedded' ? 'single' : 'group';
  }

  /** After every module's onModuleInit, where channels register. */
  async onApplicationBootstrap(): Promise<void> {
    for (const channel of this.channels.all()) {
      for (const outcome of ['delivered', 'duplicate', 'retried', 'failed']) this.deliveries.inc({ channel: channel.name, outcome }, 0);
      const name = channelGroupOf(channel.name);
      const subscription = this.factory.create({
        name,
        filter: channel.filter,
        ...(this.mode === 'group'
          ? { group: { name, from: 'start', maxRetries: this.config.NOTIFIER_MAX_DELIVERIES } }
          : { checkpoint: name }),
        handler: { handle: (events) => this.deliverAll(channel, events) },
        healthDetails: () => ({ channel: channel.name, consumer: this.mode === 'group' ? `group ${name}` : `checkpoint ${name}` }),
      });
      this.subscriptions.push(subscription);
      if (this.mode === 'single') {
        this.unsettled.set(channel.name, []);
        subscription.onAdvance(() => void this.forgetSettled(channel.name, subscription));
      }
    }
    await Promise.all(this.subscriptions.map((subscription) => subscription.start()));
    this.pruneTimer = setInterval(() => void this.pruneLedger(), LEDGER_PRUNE_EVERY_MS);
    this.pruneTimer.unref();
    if (this.subscriptions.length > 0) this.logger.log(`delivering to ${this.channels.all().map((c) => c.name).join(', ')}`);
  }

  /** Before the platform closes the stores (its onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.pruneTimer);
    await Promise.all(this.subscriptions.map((subscription) => subscription.stop()));
  }

  /**
   * Forgets delivery records older than a day; every instance may run it, deleting twice changes
   * nothing. (Reading alone, a channel forgets its records as its checkpoint passes them; this
   * catches those an earlier process left.)
   */
  async pruneLedger(): Promise<number> {
    try {
      return await this.ledger.prune(new Date(this.clock.now().getTime() - LEDGER_RETENTION_MS));
    } catch (error) {
      this.logger.warn({ err: error }, 'could not prune the delivery ledger; will try again');
      return 0;
    }
  }

  /** Forgets the channel's delivery records that its saved checkpoint has passed (reading alone). */
  private async forgetSettled(channel: string, subscription: Subscription): Promise<void> {
    const unsettled = this.unsettled.get(channel);
    const saved = subscription.status.checkpoint;
    if (!unsettled || saved === null) return;
    let settled = 0;
    while (settled < unsettled.length && unsettled[settled].position <= saved) settled += 1;
    if (settled === 0) return;
    const eventIds = unsettled.splice(0, settled).map((entry) => entry.eventId);
    try {
      await this.ledger.forget(channel, eventIds);
    } catch (error) {
      // Left for the daily prune.
      this.logger.warn({ err: error, channel }, 'could not forget settled deliveries; the daily prune will');
    }
  }

  /** The subscription of a channel, for tests and diagnostics. */
  subscriptionOf(channel: string): Subscription | undefined {
    return this.subscriptions.find((subscription) => subscription.name === channelGroupOf(channel));
  }

  private async deliverAll(channel: NotificationChannel, events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) await this.deliverOnce(channel, event);
  }

  private async deliverOnce(channel: NotificationChannel, event: RecordedEvent): Promise<void> {
    if (await this.ledger.seen(channel.name, event.id)) {
      this.deliveries.inc({ channel: channel.name, outcome: 'duplicate' });
      return;
    }
    try {
      await channel.deliver(event);
    } catch (error) {
      if (error instanceof PermanentDeliveryError) {
        this.logger.warn({ channel: channel.name, eventId: event.id, type: event.type, err: error }, 'the channel refused the event for good; parked');
        await this.ledger.record(channel.name, event, 'failed', this.clock.now(), error.message);
        this.deliveries.inc({ channel: channel.name, outcome: 'failed' });
        return;
      }
      this.deliveries.inc({ channel: channel.name, outcome: 'retried' });
      throw error;
    }
    await this.ledger.record(channel.name, event, 'delivered', this.clock.now());
    this.unsettled.get(channel.name)?.push({ position: event.position, eventId: event.id });
    this.deliveries.inc({ channel: channel.name, outcome: 'delivered' });
  }
}
