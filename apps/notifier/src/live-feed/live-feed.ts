import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { LIVE_FEED_EVENT_TYPES } from '@tessera/contracts';
import { TokenEpochs } from '@tessera/platform/auth/token-epochs';
import { EventStore, type EventFilter, type RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import type { TesseraConfig } from '@tessera/platform/config/config';
import { Metrics } from '@tessera/platform/observability/metrics';
import { InjectConfig } from '@tessera/platform/platform.module';
import type { Subscription } from '@tessera/platform/subscriptions/subscription';
import { Subscriptions } from '@tessera/platform/subscriptions/subscriptions';
import { Gauge, type Counter } from 'prom-client';
import { performance } from 'node:perf_hooks';
import { EventOwners } from './event-owners';
import type { CutReason, FeedClient } from './feed-client';
import { FeedBatch, feedEntryOf, type FeedEntry } from './feed-entry';

/**
 * The live stream's source in this process: one platform Subscription, started at the head of
 * the log (no checkpoint: a client resumes from the log itself, after its Last-Event-ID), whose
 * batches are made ready once (feed-entry.ts) and handed to every connected client. It is not a
 * consumer group: every notifier instance sees every event, to serve the clients connected to it.
 *
 * Hand-over from replay to live, without gap or repeat: a resuming client is registered first
 * (from then on it queues the live batches), then the log is replayed after its Last-Event-ID up
 * to `dispatched`, the last position handed to the clients when it registered, then the queue is
 * sent. JavaScript runs the registration and the reading of `dispatched` without interleaving a
 * batch, so every event is either in the replay (≤ dispatched) or in the queue (> dispatched);
 * the client's `lastSent` drops anything at or before what it already sent.
 */
@Injectable()
export class LiveFeed implements OnApplicationBootstrap, BeforeApplicationShutdown, OnModuleDestroy {
  private readonly logger = new Logger('LiveFeed');
  private readonly clients = new Set<FeedClient>();
  private readonly owners: EventOwners;
  private readonly subscription: Subscription;
  private readonly filter: EventFilter = { eventTypes: LIVE_FEED_EVENT_TYPES };
  /** The last position handed to the clients. */
  private dispatched = 0;
  /** Entries made ready and not yet handed out, up to `pendingUpTo`: they go out together. */
  private pending: FeedEntry[] = [];
  private pendingUpTo = 0;
  private flushScheduled = false;
  /** When the clients were last written to (performance.now()). */
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  /** The least time between two flushes now: SSE_FLUSH_MS, more when a flush costs more (flushGapAfter). */
  private gapMs: number;
  /** How long a flush (the hand-out to every client) took, smoothed, ms. */
  private flushCostMs = 0;
  private readonly flushMs: number;
  private readonly maxFlushMs: number;
  private readonly sent: Counter<string>;
  private readonly cuts: Counter<string>;
  private revocationCheck: NodeJS.Timeout | undefined;

  constructor(
    private readonly events: EventStore,
    subscriptions: Subscriptions,
    metrics: Metrics,
    private readonly epochs: TokenEpochs,
    @InjectConfig() config: TesseraConfig,
  ) {
    this.flushMs = config.SSE_FLUSH_MS;
    this.maxFlushMs = Math.max(config.SSE_FLUSH_MS, config.SSE_FLUSH_MAX_MS ?? config.SSE_FLUSH_MS);
    this.gapMs = this.flushMs;
    this.owners = new EventOwners(events);
    this.subscription = subscriptions.create({
      name: 'live-feed',
      filter: this.filter,
      // Starts at the head on every start; nothing is saved.
      checkpoint: {
        load: async () => (this.dispatched = await events.headPosition()),
        save: async () => undefined,
      },
      handler: { handle: (batch) => this.dispatch(batch) },
    });
    const clients = this.clients;
    if (!metrics.registry.getSingleMetric('tessera_sse_clients')) {
      new Gauge({
        name: 'tessera_sse_clients',
        help: 'Clients connected to the live stream (GET /api/notifications/stream)',
        registers: [metrics.registry],
        collect() {
          this.set(clients.size);
        },
      });
    }
    this.sent = metrics.counter('tessera_sse_events_sent_total', 'Messages sent on the live stream, over all clients');
    this.cuts = metrics.counter('tessera_sse_clients_cut_total', 'Live stream clients cut by the server, by reason (slow: their buffer passed SSE_MAX_BUFFER_BYTES; revoked: a sign-out or role change; shutdown)', ['reason']);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.subscription.start();
    // A stream outlives its one-minute token: a sign-out or role change since it opened ends it.
    this.revocationCheck = setInterval(() => this.cutRevoked(), REVOCATION_CHECK_MS);
    this.revocationCheck.unref();
  }

  /** Streams end first, at once: an open stream never holds up the shutdown. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.revocationCheck);
    this.disconnectAll('shutdown');
    await this.subscription.stop();
  }

  onModuleDestroy(): void {
    this.disconnectAll('shutdown');
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** The least time between two writes to the clients now, ms (for tests). */
  get flushGapMs(): number {
    return this.gapMs;
  }

  /** The last position handed to the clients (for tests and the benchmark). */
  get position(): number {
    return this.dispatched;
  }

  /**
   * Starts feeding a client: live at once without `after`, or after replaying the log from
   * `after` (its Last-Event-ID). Resolves once it is live (or gone).
   */
  async attach(client: FeedClient, after: number | undefined): Promise<void> {
    this.clients.add(client);
    client.stream.onClose(() => this.clients.delete(client));
    if (after === undefined || after >= this.dispatched) {
      client.lastSent = Math.max(after ?? this.dispatched, this.dispatched);
      return;
    }
    client.lastSent = after;
    client.startReplay();
    const until = this.dispatched;
    const eventTypes = client.replayTypes(LIVE_FEED_EVENT_TYPES);
    try {
      for await (const event of eventTypes.length === 0 ? [] : this.events.readAll({ after, filter: { eventTypes } })) {
        if (client.closed || event.position > until) break;
        const entry = await feedEntryOf(event, this.owners);
        const frame = client.frameFor(entry);
        if (!frame) continue;
        this.sent.inc();
        if (!client.writeReplayed(entry, frame)) await client.stream.drained();
      }
    } catch (error) {
      this.logger.warn(`replay after ${after} failed; the client can resume: ${(error as Error).message}`);
      client.stream.close();
      return;
    }
    this.sent.inc(client.goLive());
  }

  /**
   * The handler of the subscription: each event is made ready once, then batches go out together,
   * one socket write per client at most every SSE_FLUSH_MS (instead of one per batch).
   */
  private async dispatch(batch: readonly RecordedEvent[]): Promise<void> {
    const last = batch[batch.length - 1].position;
    for (const event of batch) this.owners.learn(event);
    if (this.clients.size === 0 && this.pending.length === 0) {
      this.dispatched = last;
      return;
    }
    for (const event of batch) this.pending.push(await feedEntryOf(event, this.owners));
    this.pendingUpTo = last;
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // At most one write per client per gap: after a quiet spell at once, else with what the rest
    // of that time brings.
    const wait = this.lastFlushAt + this.gapMs - performance.now();
    if (wait <= 0) setImmediate(() => this.flush());
    else setTimeout(() => this.flush(), wait).unref();
  }

  private flush(): void {
    this.flushScheduled = false;
    this.lastFlushAt = performance.now();
    const entries = this.pending;
    this.pending = [];
    if (entries.length === 0) return;
    const batch = new FeedBatch(entries);
    let sent = 0;
    // Synchronous: no client attaches between the hand-out and moving `dispatched`.
    for (const client of this.clients) sent += client.deliver(batch);
    this.dispatched = this.pendingUpTo;
    if (sent > 0) this.sent.inc(sent);
    this.flushCostMs += (performance.now() - this.lastFlushAt - this.flushCostMs) * COST_SMOOTHING;
    this.gapMs = flushGapAfter(this.flushCostMs, this.flushMs, this.maxFlushMs);
  }

  /** A client whose pending bytes passed the bound, or every client on shutdown. */
  readonly cut = (client: FeedClient, reason: CutReason): void => {
    if (client.closed) return;
    this.cuts.inc({ reason });
    this.clients.delete(client);
    client.stream.close();
  };

  /** Cuts the streams of users whose tokens were revoked after their stream token was issued. */
  cutRevoked(): void {
    for (const client of [...this.clients]) {
      if (!this.epochs.isCurrent(client.viewer.userId, client.viewer.epoch)) this.cut(client, 'revoked');
    }
  }

  /** Ends every stream now; each client may come back with its Last-Event-ID. */
  disconnectAll(reason: CutReason = 'shutdown'): void {
    for (const client of [...this.clients]) this.cut(client, reason);
  }
}

const REVOCATION_CHECK_MS = 5_000;

/**
 * The hand-out to the clients may take at most this share of the time: one socket write per
 * client per flush is the stream's main cost (bench:feeds profile: at 1,000 clients, a flush
 * every 10 ms spent about half of the server's busy time in those writes, and the holds lost a
 * fifth of their rate). A flush that took 5 ms holds the next one off for 40 ms.
 */
export const FLUSH_SHARE = 1 / 8;
/** Each flush moves the cost estimate this far towards what it measured (an outlier, a GC pause, moves it little). */
const COST_SMOOTHING = 0.25;

/**
 * The least time between two flushes after flushes that took `costMs`: at least SSE_FLUSH_MS
 * (`minMs`), long enough for the writes to take FLUSH_SHARE of the time, at most SSE_FLUSH_MAX_MS
 * (`maxMs`), the latency it may add.
 */
export const flushGapAfter = (costMs: number, minMs: number, maxMs: number): number => Math.min(maxMs, Math.max(minMs, costMs / FLUSH_SHARE));
