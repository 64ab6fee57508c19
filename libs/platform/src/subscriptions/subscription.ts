import { Logger } from '@nestjs/common';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { EventFilter, EventStore, RecordedEvent, SubscriptionStart } from '../event-store/event-store.port';
import type { HealthChecks } from '../observability/health';
import type { Metrics } from '../observability/metrics';
import type { ReadStore } from '../read-store/read-store.port';

/**
 * The one way to consume the log (ARCHITECTURE §4, STYLE "One way to consume the log"), after
 * Eventuous's subscriptions: a consumer is a handler registered here, and the subscription owns
 * how events arrive.
 *
 * - Catch-up, then live: it reads from the stored checkpoint to the head, then follows new events.
 * - Batches: events that arrive together (up to `maxBatch`) go to the handler together.
 * - Checkpoints: after a batch (or every `checkpointEvery`), in a CheckpointStore — by default
 *   the read store, so a projector's documents and its checkpoint live side by side. A stored
 *   checkpoint the log does not hold (past its head, or inside positions a `log repair` removed)
 *   is dropped: the subscription starts from the beginning.
 * - Retry, then restart: a failing batch is tried again with backoff (`retry`); when it keeps
 *   failing the subscription closes and resubscribes after the last handled event, with backoff
 *   (`restart`), for as long as it takes. Nothing after a failed batch is handled before it.
 * - Health and lag: `/health` shows each subscription's state (red while it retries or restarts,
 *   and while it catches up when `readiness` is `caught-up`); `/metrics` has its position, its
 *   gap to the log head, its live lag, errors and restarts.
 * - Consumer group (optional): as one member of a group, partitioned by stream (every event of a
 *   stream goes to one member), so instances share the work; the group keeps its checkpoint.
 *
 * Delivery is at least once: a crash before a checkpoint hands the events over again, so
 * handlers are idempotent.
 */

/** What a consumer does with events. */
export interface SubscriptionHandler {
  /**
   * Handles `events`, in position order. Throwing fails the whole batch, which is handed over
   * again (at least once: handling an event twice must change nothing).
   */
  handle(events: readonly RecordedEvent[], context: BatchContext): Promise<void>;
  /**
   * Where a restart may resume, given every event up to `handled` is handled: a consumer that
   * still waits on older events (a schedule) keeps its checkpoint before them. Default `handled`.
   */
  resumePoint?(handled: number): number;
}

export interface BatchContext {
  /** False while catching up on history, true once live. */
  live: boolean;
}

/** Where a subscription keeps its position. */
export interface CheckpointStore {
  /** The stored position, null when there is none yet. */
  load(): Promise<number | null>;
  save(position: number): Promise<void>;
}

/** A checkpoint saved in the ReadStore under `name`. */
export const readStoreCheckpoint = (reads: ReadStore, name: string): CheckpointStore => ({
  load: () => reads.getCheckpoint(name),
  save: (position) => reads.saveCheckpoint(name, position),
});

export interface Backoff {
  firstDelayMs: number;
  maxDelayMs: number;
}

export interface SubscriptionOptions {
  /** Names it in logs, in `/health` and in the metrics' `subscription` label. */
  name: string;
  filter: EventFilter;
  handler: SubscriptionHandler;
  /**
   * Where the position is kept: a name (a checkpoint in the read store) or a CheckpointStore.
   * Without one the subscription starts from the beginning of the log on every start.
   */
  checkpoint?: string | CheckpointStore;
  /** Save the checkpoint once this many events were handled, or this long after the first unsaved one. Default: after every batch. */
  checkpointEvery?: { events?: number; ms?: number };
  /** Most events handed over at once. Default 500. */
  maxBatch?: number;
  /** Attempts at one batch before a restart, and the delays between them. Default 3, 100 ms doubling to 2 s. */
  retry?: Partial<Backoff & { attempts: number }>;
  /** Delays between restarts, doubling. Default 200 ms to 10 s. */
  restart?: Partial<Backoff>;
  /** `caught-up`: `/health` is red until the first catch-up is done. `running` (default): only while failing. */
  readiness?: 'caught-up' | 'running';
  /** More to show on `/health` while it is up (the projector's checkpoints, say). */
  healthDetails?: () => Record<string, unknown>;
  /**
   * Join this consumer group instead of reading the log alone: members (in this and other
   * processes) share the events, each stream's events going to one member. The group keeps its
   * own checkpoint in the event store (`checkpoint` is not used); it starts at `from` when created.
   */
  group?: { name: string; from?: SubscriptionStart; maxRetries?: number; messageTimeoutMs?: number };
}

export type SubscriptionState = 'idle' | 'catching-up' | 'live' | 'retrying' | 'restarting' | 'stopped';

export interface SubscriptionStatus {
  state: SubscriptionState;
  /** The last handled position. */
  position: number;
  /** The position stored as the checkpoint, null when none is. */
  checkpoint: number | null;
  restarts: number;
  lastError?: string;
}

/** What the platform hands every subscription. */
export interface SubscriptionDependencies {
  events: EventStore;
  reads?: ReadStore;
  health?: HealthChecks;
  metrics?: Metrics;
}

const DEFAULTS = {
  maxBatch: 500,
  retry: { attempts: 3, firstDelayMs: 100, maxDelayMs: 2000 },
  restart: { firstDelayMs: 200, maxDelayMs: 10_000 },
};

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

export class Subscription {
  private readonly logger: Logger;
  private readonly events: EventStore;
  private readonly checkpoints: CheckpointStore | undefined;
  private readonly retry: Backoff & { attempts: number };
  private readonly restart: Backoff;
  private readonly maxBatch: number;
  private readonly instruments: Instruments | undefined;

  private state: SubscriptionState = 'idle';
  private handled = 0;
  private saved: number | null = null;
  private sinceSave = 0;
  private saveTimer: NodeJS.Timeout | undefined;
  private restarts = 0;
  private lastError: Error | undefined;
  private restartDelay: number;

  private running: Promise<void> | undefined;
  private stopping = false;
  private source: { close(): Promise<void> } | undefined;
  private live = false;
  private pending: RecordedEvent[] = [];
  /** Events of the batch being handled. */
  private inHand = 0;
  private flushScheduled = false;
  private chain: Promise<void> = Promise.resolve();
  /** Set when a batch failed for good in the current run: the run ends and restarts. */
  private failure: Error | undefined;
  private readonly wakers = new Set<() => void>();
  private readonly listeners = new Set<(position: number) => void>();
  private readonly waiters = new Set<{ position: number; resolve: () => void; reject: (error: Error) => void }>();
  private markCaughtUp!: () => void;
  private caughtUpOnce = false;
  /** Resolves once the first catch-up is handled (or the subscription stops). */
  readonly caughtUp: Promise<void>;

  constructor(
    private readonly options: SubscriptionOptions,
    dependencies: SubscriptionDependencies,
  ) {
    this.logger = new Logger(`Subscription:${options.name}`);
    this.events = dependencies.events;
    const { checkpoint } = options;
    if (typeof checkpoint === 'string') {
      if (!dependencies.reads) throw new Error(`subscription ${options.name}: a named checkpoint needs the read store`);
      this.checkpoints = readStoreCheckpoint(dependencies.reads, checkpoint);
    } else {
      this.checkpoints = checkpoint;
    }
    this.retry = { ...DEFAULTS.retry, ...options.retry };
    this.restart = { ...DEFAULTS.restart, ...options.restart };
    this.restartDelay = this.restart.firstDelayMs;
    this.maxBatch = options.maxBatch ?? DEFAULTS.maxBatch;
    this.caughtUp = new Promise((resolve) => (this.markCaughtUp = resolve));
    if (dependencies.metrics) this.instruments = instrumentsOf(dependencies.metrics.registry, this);
    dependencies.health?.register(options.name, () => this.readiness());
  }

  get name(): string {
    return this.options.name;
  }

  /** The last handled position: every event of interest up to it has been handled. */
  get position(): number {
    return this.handled;
  }

  get status(): SubscriptionStatus {
    return { state: this.state, position: this.handled, checkpoint: this.saved, restarts: this.restarts, lastError: this.lastError?.message };
  }

  /**
   * Loads the checkpoint (or joins the group) and starts reading in the background. Rejects when
   * the checkpoint cannot be read, so an app does not start on a store it cannot use.
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.stopping = false;
    if (this.options.group) {
      const { name, from, maxRetries, messageTimeoutMs } = this.options.group;
      await this.events.ensureConsumerGroup(name, {
        filter: this.options.filter,
        from: from ?? 'start',
        maxRetries,
        messageTimeoutMs,
        strategy: 'pinned-by-stream',
      });
    } else {
      await this.loadCheckpoint();
    }
    this.running = this.run();
  }

  /** Stops reading, hands over what was already read, saves the checkpoint. Idempotent. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const wake of this.wakers) wake();
    await this.source?.close().catch(() => undefined);
    await this.running;
    this.running = undefined;
    await this.chain;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    await this.save();
    this.state = 'stopped';
    this.markCaughtUp();
    // Nothing will handle these any more: their callers hear it rather than wait for ever.
    for (const waiter of this.waiters) waiter.reject(stoppedBefore(this.name, waiter.position));
    this.waiters.clear();
  }

  /** Saves the checkpoint now (after the batch in hand), e.g. once a consumer's resume point moved. */
  commit(): Promise<void> {
    this.chain = this.chain.then(() => this.save());
    return this.chain;
  }

  /** Called after each handled batch with the new position. Returns the unsubscribe. */
  onAdvance(listener: (position: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves once the event at `position` (one this subscription receives) has been handled;
   * rejects if the subscription stops first.
   */
  whenHandled(position: number): Promise<void> {
    if (this.handled >= position) return Promise.resolve();
    if (this.stopping) return Promise.reject(stoppedBefore(this.name, position));
    return new Promise((resolve, reject) => this.waiters.add({ position, resolve, reject }));
  }

  private async loadCheckpoint(): Promise<void> {
    const stored = (await this.checkpoints?.load()) ?? null;
    let from = stored ?? 0;
    if (from > 0 && !(await this.events.holdsCheckpoint(from))) {
      this.logger.warn(`checkpoint ${from} is not in this log (past its head, or in positions a log repair removed); starting from the beginning`);
      from = 0;
    }
    this.handled = from;
    this.saved = stored;
    this.instruments?.position.set({ subscription: this.name }, from);
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        if (this.options.group) await this.consumeGroup(this.options.group.name);
        else await this.consumeAll();
        if (this.stopping) break;
        throw new Error('the subscription ended');
      } catch (error) {
        if (this.stopping) break;
        this.lastError = asError(error);
        this.restarts += 1;
        this.state = 'restarting';
        this.instruments?.restarts.inc({ subscription: this.name });
        const delay = this.restartDelay;
        this.restartDelay = Math.min(delay * 2, this.restart.maxDelayMs);
        this.logger.error(`stopped on an error; restarting after position ${this.handled} in ${delay} ms: ${this.lastError.message}`);
        await this.source?.close().catch(() => undefined);
        await this.pause(delay);
      }
    }
  }

  private async consumeAll(): Promise<void> {
    this.failure = undefined;
    this.pending = [];
    this.live = false;
    if (this.state !== 'restarting') this.state = 'catching-up';
    const source = this.events.subscribeToAll({ from: this.handled === 0 ? 'start' : { after: this.handled }, filter: this.options.filter });
    this.source = source;
    source.caughtUp.then(
      async () => {
        await this.flush();
        if (this.source !== source || this.failure || this.stopping) return;
        this.live = true;
        // Caught up again after a restart (a dropped connection, say) counts as recovered too.
        if (this.state === 'catching-up' || this.state === 'restarting') this.state = 'live';
        if (!this.caughtUpOnce) {
          this.caughtUpOnce = true;
          this.logger.log(`caught up at position ${this.handled}`);
          this.markCaughtUp();
        }
      },
      () => undefined,
    );
    for await (const event of source) {
      this.pending.push(event);
      if (this.pending.length >= this.maxBatch) await this.flush();
      else this.scheduleFlush();
      if (this.failure) break;
    }
    await this.flush();
    if (this.failure) throw this.failure;
  }

  private async consumeGroup(group: string): Promise<void> {
    this.failure = undefined;
    const member = this.events.subscribeToGroup(group);
    this.source = member;
    this.live = true;
    this.state = 'live';
    if (!this.caughtUpOnce) {
      this.caughtUpOnce = true;
      this.markCaughtUp();
    }
    for await (const message of member) {
      try {
        await this.handleWithRetry([message.event]);
      } catch (error) {
        // Back to the group: delivered again (to a member), parked after the group's maxRetries.
        await message.nack('retry', asError(error).message).catch(() => undefined);
        throw error;
      }
      await message.ack();
      await this.handledUpTo(Math.max(this.handled, message.event.position), [message.event]);
    }
  }

  /** Events read in one burst are handed over together once the burst ends. */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  /** Hands over what is pending, after the batch in hand. Never rejects: a failure ends the run. */
  private flush(): Promise<void> {
    this.chain = this.chain
      .then(() => this.handlePending())
      .catch((error: unknown) => {
        this.failure ??= asError(error);
        void this.source?.close().catch(() => undefined);
      });
    return this.chain;
  }

  private async handlePending(): Promise<void> {
    if (this.failure) this.pending = [];
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    await this.handleWithRetry(batch);
    await this.handledUpTo(batch[batch.length - 1].position, batch);
  }

  private async handleWithRetry(batch: readonly RecordedEvent[]): Promise<void> {
    const context: BatchContext = { live: this.live };
    this.inHand = batch.length;
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await this.options.handler.handle(batch, context);
          return;
        } catch (error) {
          this.lastError = asError(error);
          this.instruments?.errors.inc({ subscription: this.name });
          if (attempt >= this.retry.attempts || this.stopping) throw error;
          const delay = Math.min(this.retry.firstDelayMs * 2 ** (attempt - 1), this.retry.maxDelayMs);
          this.state = 'retrying';
          this.logger.warn(
            `handling events ${batch[0].position}..${batch[batch.length - 1].position} failed (attempt ${attempt} of ${this.retry.attempts}); trying again in ${delay} ms: ${this.lastError.message}`,
          );
          await this.pause(delay);
          if (this.stopping) throw error;
        }
      }
    } finally {
      this.inHand = 0;
    }
  }

  private async handledUpTo(position: number, batch: readonly RecordedEvent[]): Promise<void> {
    this.handled = position;
    this.sinceSave += batch.length;
    if (this.state === 'retrying' || this.state === 'restarting' || this.state === 'catching-up') this.state = this.live ? 'live' : 'catching-up';
    this.restartDelay = this.restart.firstDelayMs;
    if (this.instruments) {
      this.instruments.position.set({ subscription: this.name }, position);
      if (this.live) {
        const now = Date.now();
        for (const event of batch) this.instruments.lag.observe({ subscription: this.name }, (now - Date.parse(event.recordedAt)) / 1000);
      }
    }
    await this.saveIfDue();
    for (const listener of this.listeners) listener(position);
    for (const waiter of this.waiters) {
      if (waiter.position <= position) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  private async saveIfDue(): Promise<void> {
    if (!this.checkpoints || this.options.group) return;
    const every = this.options.checkpointEvery ?? {};
    if (this.sinceSave >= (every.events ?? (every.ms === undefined ? 1 : Number.POSITIVE_INFINITY))) {
      await this.save();
    } else if (every.ms !== undefined && !this.saveTimer) {
      this.saveTimer = setTimeout(() => {
        this.saveTimer = undefined;
        void this.commit();
      }, every.ms);
      this.saveTimer.unref();
    }
  }

  /** Never rejects: a checkpoint not saved now is saved with a later batch. */
  private async save(): Promise<void> {
    if (!this.checkpoints || this.options.group) return;
    const at = this.options.handler.resumePoint?.(this.handled) ?? this.handled;
    if (at === this.saved || (this.saved === null && at === 0)) return;
    try {
      await this.checkpoints.save(at);
      this.saved = at;
      this.sinceSave = 0;
    } catch (error) {
      this.instruments?.errors.inc({ subscription: this.name });
      this.logger.warn(`checkpoint ${at} not saved; it will be with a later batch: ${asError(error).message}`);
    }
  }

  private async readiness(): Promise<Record<string, unknown>> {
    const { state } = this;
    if (state === 'retrying' || state === 'restarting') {
      throw new Error(`${state} after an error past position ${this.handled}: ${this.lastError?.message ?? 'unknown'}`);
    }
    if (this.options.readiness === 'caught-up' && !this.caughtUpOnce && state !== 'stopped') {
      throw new Error(`catching up: at ${this.handled} of ${await this.events.headPosition()}`);
    }
    return { state, position: String(this.handled), ...this.options.healthDetails?.() };
  }

  /**
   * For the gap gauge: 0 when live with nothing read and not yet handled, else the log head
   * minus the last handled position (the head may be an event the filter leaves out, so only a
   * subscription that is behind is measured against it).
   */
  async gap(): Promise<number> {
    if (this.state === 'live' && this.inHand === 0 && this.pending.length === 0) return 0;
    return Math.max(0, (await this.events.headPosition()) - this.handled);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }
}

interface Instruments {
  position: Gauge<string>;
  lag: Histogram<string>;
  errors: Counter<string>;
  restarts: Counter<string>;
}

/** The subscriptions each registry reports a gap for. */
const gapSources = new WeakMap<Registry, Map<string, Subscription>>();

const single = <T>(registry: Registry, name: string, create: () => T): T => (registry.getSingleMetric(name) as T | undefined) ?? create();

const instrumentsOf = (registry: Registry, subscription: Subscription): Instruments => {
  const labelNames = ['subscription'];
  let sources = gapSources.get(registry);
  if (!sources) gapSources.set(registry, (sources = new Map()));
  sources.set(subscription.name, subscription);
  const known = sources;
  single(registry, 'tessera_subscription_gap', () => new Gauge({
    name: 'tessera_subscription_gap',
    help: 'Log head position minus the last position a subscription handled; 0 when it is live with nothing left to handle',
    labelNames,
    registers: [registry],
    async collect() {
      for (const [name, source] of known) this.set({ subscription: name }, await source.gap().catch(() => -1));
    },
  }));
  return {
    position: single(registry, 'tessera_subscription_position', () => new Gauge({
      name: 'tessera_subscription_position',
      help: 'The last log position a subscription handled',
      labelNames,
      registers: [registry],
    })),
    lag: single(registry, 'tessera_subscription_lag_seconds', () => new Histogram({
      name: 'tessera_subscription_lag_seconds',
      help: 'From an event being written to the log to a subscription having handled it (live events only, not catch-up)',
      labelNames,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    })),
    errors: single(registry, 'tessera_subscription_errors_total', () => new Counter({
      name: 'tessera_subscription_errors_total',
      help: 'Failed attempts at a batch (and checkpoints not saved), by subscription',
      labelNames,
      registers: [registry],
    })),
    restarts: single(registry, 'tessera_subscription_restarts_total', () => new Counter({
      name: 'tessera_subscription_restarts_total',
      help: 'Times a subscription closed on an error and resubscribed',
      labelNames,
      registers: [registry],
    })),
  };
};

const stoppedBefore = (name: string, position: number): Error => new Error(`subscription ${name} stopped before it handled position ${position}`);
