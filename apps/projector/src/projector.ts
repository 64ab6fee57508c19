import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EventStore, type AllSubscription, type RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { CrashPoints } from '@tessera/platform/fault-injection';
import { HealthChecks } from '@tessera/platform/observability/health';
import { Metrics } from '@tessera/platform/observability/metrics';
import type { Histogram } from 'prom-client';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import type { Projection } from './projection';
import { checkpointName, filterOf, ProjectionEngine } from './projection-engine';
import { PositionWaiters, ProjectionProgress } from '@tessera/read-models';
import { PROJECTIONS } from './read-models';

/**
 * The projector: one catch-up subscription over the log (filtered to the projected types) from
 * the lowest checkpoint, feeding batches to the projection engine. Events that arrive together
 * are applied together: one bulkWrite per collection, then the checkpoints.
 */

/** Events applied in one batch at most (the catch-up pace). */
const MAX_BATCH = 2000;
/** How often the embedded read store is snapshotted while it changes. */
const SNAPSHOT_EVERY_MS = 30_000;

interface Snapshotting {
  saveSnapshot(): Promise<unknown>;
}
const canSnapshot = (store: unknown): store is Snapshotting =>
  typeof (store as Partial<Snapshotting>).saveSnapshot === 'function';

@Injectable()
export class Projector extends ProjectionProgress implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projector');
  private readonly engine: ProjectionEngine;
  private readonly waiters: PositionWaiters;
  private subscription: AllSubscription | undefined;
  private running: Promise<void> | undefined;
  private pending: RecordedEvent[] = [];
  private flushScheduled = false;
  private chain: Promise<void> = Promise.resolve();
  private processed = 0;
  private snapshotted = 0;
  private snapshotTimer: NodeJS.Timeout | undefined;
  private caughtUp = false;
  private failure: Error | undefined;
  private readonly listeners = new Set<(position: number) => void>();
  private readonly lag: Histogram<string>;
  /** Crash tests: `projector:catch-up-batch` dies once the first batch of a catch-up is applied. */
  private readonly crashPoints = new CrashPoints();

  constructor(
    private readonly events: EventStore,
    private readonly reads: ReadStore,
    health: HealthChecks,
    metrics: Metrics,
  ) {
    super();
    this.lag = metrics.histogram(
      'tessera_projection_lag_seconds',
      'From an event being written to the log to its read models being updated (live events only, not catch-up)',
      [],
      [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    );
    this.engine = new ProjectionEngine(reads, PROJECTIONS);
    this.waiters = new PositionWaiters(events, filterOf(PROJECTIONS), async () => this.processed);
    health.register('projections', async () => {
      if (this.failure) throw this.failure;
      if (!this.caughtUp) throw new Error(`catching up: at ${this.processed} of ${await this.events.headPosition()}`);
      // Each projection's checkpoint, for `projections status` against a running server.
      const checkpoints = Object.fromEntries(this.engine.projections.map((projection) => [checkpointName(projection), String(this.engine.checkpointOf(projection))]));
      return { position: String(this.processed), checkpoints };
    });
  }

  get projections(): readonly Projection[] {
    return this.engine.projections;
  }

  async processedPosition(): Promise<number> {
    return this.processed;
  }

  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    return this.waiters.waitFor(position, timeoutMs);
  }

  /** Called after each applied batch with the new position (tests, benchmarks). */
  onAdvance(listener: (position: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async start(): Promise<void> {
    const head = await this.events.headPosition();
    await this.engine.load();
    for (const projection of this.engine.projections) {
      // A checkpoint past the end of the log belongs to another log (a restored backup, a new
      // data folder), one inside positions a log repair removed counts lost events: these
      // documents cannot be trusted, so rebuild from the start.
      const checkpoint = this.engine.checkpointOf(projection);
      if (!(await this.events.holdsCheckpoint(checkpoint))) {
        const why = checkpoint > head ? `is past the log head ${head}` : 'counts events a log repair removed';
        this.logger.warn(`${projection.name}: checkpoint ${checkpoint} ${why}; rebuilding from the log`);
        await this.engine.reset(projection);
      }
    }
    const from = this.engine.lowestCheckpoint();
    this.processed = from;
    this.snapshotted = from;
    this.logger.log(`resuming from position ${from} (log head ${head})`);
    this.subscription = this.events.subscribeToAll({ from: from === 0 ? 'start' : { after: from }, filter: filterOf(PROJECTIONS) });
    const subscription = this.subscription;
    void subscription.caughtUp.then(async () => {
      await this.flush();
      this.caughtUp = true;
      this.logger.log(`caught up at position ${this.processed}`);
    });
    this.running = this.consume(subscription);
    if (canSnapshot(this.reads)) {
      this.snapshotTimer = setInterval(() => void this.snapshot(), SNAPSHOT_EVERY_MS);
      this.snapshotTimer.unref();
    }
  }

  async stop(): Promise<void> {
    if (this.snapshotTimer) clearInterval(this.snapshotTimer);
    await this.subscription?.close();
    await this.running;
    await this.flush();
    this.waiters.close();
    await this.snapshot();
  }

  private async consume(subscription: AllSubscription): Promise<void> {
    try {
      for await (const event of subscription) {
        this.pending.push(event);
        if (this.pending.length >= MAX_BATCH) await this.flush();
        else this.scheduleFlush();
      }
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      this.logger.error(`subscription failed at ${this.processed}: ${this.failure.message}`);
    }
  }

  /** Events yielded in one burst are applied together once the burst ends. */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      // A failure is recorded (readiness turns red) by applyPending; nothing more to do here.
      this.flush().catch(() => undefined);
    });
  }

  private flush(): Promise<void> {
    this.chain = this.chain.then(() => this.applyPending());
    return this.chain;
  }

  private async applyPending(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      await this.engine.apply(batch);
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      this.logger.error(`applying events up to ${batch.at(-1)?.position} failed: ${this.failure.message}`);
      throw error;
    }
    this.processed = batch[batch.length - 1].position;
    if (!this.caughtUp) this.crashPoints.reached('projector:catch-up-batch');
    if (this.caughtUp) {
      const now = Date.now();
      for (const event of batch) this.lag.observe((now - Date.parse(event.recordedAt)) / 1000);
    }
    for (const listener of this.listeners) listener(this.processed);
    this.waiters.advanced();
  }

  private async snapshot(): Promise<void> {
    if (!canSnapshot(this.reads) || this.processed === this.snapshotted) return;
    const at = this.processed;
    try {
      await this.reads.saveSnapshot();
      this.snapshotted = at;
    } catch (error) {
      this.logger.warn(`read-model snapshot failed: ${String(error)}`);
    }
  }
}
