import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EventStore, type RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { CrashPoints } from '@tessera/platform/fault-injection';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import type { Subscription } from '@tessera/platform/subscriptions/subscription';
import { Subscriptions } from '@tessera/platform/subscriptions/subscriptions';
import type { Projection } from './projection';
import { checkpointName, filterOf, ProjectionEngine } from './projection-engine';
import { PositionWaiters, ProjectionProgress } from '@tessera/read-models';
import { PROJECTIONS } from './read-models';

/**
 * The projector: a handler on the platform subscription over the log (filtered to the projected
 * types), resuming from the lowest projection checkpoint and feeding batches to the projection
 * engine. Events that arrive together are applied together: one bulkWrite per collection, then
 * the checkpoints, which the engine writes beside the documents. /health is red until the first
 * catch-up is done, and while a batch fails (the subscription retries it, then restarts).
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
  private readonly subscription: Subscription;
  private snapshotted = 0;
  private snapshotTimer: NodeJS.Timeout | undefined;
  /** Crash tests: `projector:catch-up-batch` dies once the first batch of a catch-up is applied. */
  private readonly crashPoints = new CrashPoints();

  constructor(
    private readonly events: EventStore,
    private readonly reads: ReadStore,
    subscriptions: Subscriptions,
  ) {
    super();
    this.engine = new ProjectionEngine(reads, PROJECTIONS);
    this.subscription = subscriptions.create({
      name: 'projections',
      filter: filterOf(PROJECTIONS),
      maxBatch: MAX_BATCH,
      readiness: 'caught-up',
      // Each projection's checkpoint, for `projections status` against a running server.
      healthDetails: () => ({
        checkpoints: Object.fromEntries(this.engine.projections.map((projection) => [checkpointName(projection), String(this.engine.checkpointOf(projection))])),
      }),
      // Each projection's checkpoint is written with its documents, by the engine.
      checkpoint: { load: () => this.resumePosition(), save: async () => undefined },
      handler: { handle: (events, { live }) => this.apply(events, live) },
    });
    this.waiters = new PositionWaiters(events, filterOf(PROJECTIONS), async () => this.subscription.position);
    this.subscription.onAdvance(() => this.waiters.advanced());
  }

  get projections(): readonly Projection[] {
    return this.engine.projections;
  }

  async processedPosition(): Promise<number> {
    return this.subscription.position;
  }

  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    return this.waiters.waitFor(position, timeoutMs);
  }

  /** Called after each applied batch with the new position (tests, benchmarks). */
  onAdvance(listener: (position: number) => void): () => void {
    return this.subscription.onAdvance(listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async start(): Promise<void> {
    await this.subscription.start();
    this.snapshotted = this.subscription.position;
    if (canSnapshot(this.reads)) {
      this.snapshotTimer = setInterval(() => void this.snapshot(), SNAPSHOT_EVERY_MS);
      this.snapshotTimer.unref();
    }
  }

  async stop(): Promise<void> {
    if (this.snapshotTimer) clearInterval(this.snapshotTimer);
    await this.subscription.stop();
    this.waiters.close();
    await this.snapshot();
  }

  /** Where the shared subscription resumes: the lowest checkpoint, once each is known to be sound. */
  private async resumePosition(): Promise<number> {
    const head = await this.events.headPosition();
    const dropped = await this.engine.dropEarlierVersions();
    if (dropped.length > 0) this.logger.log(`dropped the collections of earlier read-model versions: ${dropped.join(', ')}`);
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
    this.logger.log(`resuming from position ${from} (log head ${head})`);
    return from;
  }

  private async apply(batch: readonly RecordedEvent[], live: boolean): Promise<void> {
    await this.engine.apply(batch);
    if (!live) this.crashPoints.reached('projector:catch-up-batch');
  }

  private async snapshot(): Promise<void> {
    const at = this.subscription.position;
    if (!canSnapshot(this.reads) || at === this.snapshotted) return;
    try {
      await this.reads.saveSnapshot();
      this.snapshotted = at;
    } catch (error) {
      this.logger.warn(`read-model snapshot failed: ${String(error)}`);
    }
  }
}
