import type { EventStore } from '@tessera/platform/event-store/event-store.port';
import type { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { PositionWaiters, ProjectionProgress } from './projection-progress';
import { checkpointName, filterOf, type ProjectionDescriptor } from './read-model';

/**
 * Progress as an app without the projector sees it (distributed mode): the lowest of the
 * checkpoints of the read models it reads, in the shared read store. Checkpoints are re-read on
 * one shared timer, and only while some request is waiting.
 */
export class CheckpointProgress extends ProjectionProgress {
  private readonly waiters: PositionWaiters;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    events: EventStore,
    private readonly reads: ReadStore,
    private readonly descriptors: readonly ProjectionDescriptor[],
    private readonly pollMs = 20,
  ) {
    super();
    this.waiters = new PositionWaiters(events, filterOf(descriptors), () => this.processedPosition());
  }

  async processedPosition(): Promise<number> {
    const positions = await Promise.all(this.descriptors.map((projection) => this.reads.getCheckpoint(checkpointName(projection))));
    return Math.min(...positions.map((position) => position ?? 0));
  }

  async waitFor(position: number, timeoutMs: number): Promise<boolean> {
    const waiting = this.waiters.waitFor(position, timeoutMs);
    this.tick();
    return waiting;
  }

  private tick(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.waiters.advanced();
      if (this.waiters.count > 0) this.tick();
    }, this.pollMs);
    this.timer.unref();
  }
}
