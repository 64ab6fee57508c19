import type { EventFilter, EventStore } from '@tessera/platform/event-store/event-store.port';

/**
 * How far the read models have come, for read-your-writes (X-Min-Position). The projector's
 * subscription is filtered to the types it projects, so a command's position may belong to an
 * event it never sees (an account event): a target counts as reached when no projected event
 * lies between the processed position and the target.
 */
export abstract class ProjectionProgress {
  /** Every projected event up to this position is visible in the read models. */
  abstract processedPosition(): Promise<number>;
  /** Resolves true once `position` is reached, false after `timeoutMs`. */
  abstract waitFor(position: number, timeoutMs: number): Promise<boolean>;
}

/** Whether nothing the projections care about lies in (processed, target]. */
export const nothingToProjectUpTo = async (
  events: EventStore,
  filter: EventFilter,
  processed: number,
  target: number,
): Promise<boolean> => {
  if (processed >= target) return true;
  // A position the log has not reached yet cannot have been projected.
  if (target > (await events.headPosition())) return false;
  for await (const event of events.readAll({ after: processed, filter, maxCount: 1 })) return event.position > target;
  return true;
};

interface Waiter {
  target: number;
  resolve: (reached: boolean) => void;
  timer: NodeJS.Timeout;
}

/**
 * Waiters woken by a signal (the projector's "advanced", or a timer over shared checkpoints),
 * never by one polling loop per request.
 */
export class PositionWaiters {
  private readonly waiters = new Set<Waiter>();
  private checking = false;
  private recheck = false;

  constructor(
    private readonly events: EventStore,
    private readonly filter: EventFilter,
    private readonly processed: () => Promise<number>,
  ) {}

  get count(): number {
    return this.waiters.size;
  }

  async waitFor(target: number, timeoutMs: number): Promise<boolean> {
    if (await nothingToProjectUpTo(this.events, this.filter, await this.processed(), target)) return true;
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        target,
        resolve,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          resolve(false);
        }, timeoutMs),
      };
      this.waiters.add(waiter);
      // The projector may have advanced between the check above and this registration.
      this.advanced();
    });
  }

  /** Call when the processed position may have moved. */
  advanced(): void {
    if (this.waiters.size === 0) return;
    if (this.checking) {
      this.recheck = true;
      return;
    }
    this.checking = true;
    void this.check().finally(() => {
      this.checking = false;
      if (this.recheck) {
        this.recheck = false;
        this.advanced();
      }
    });
  }

  private async check(): Promise<void> {
    const processed = await this.processed();
    const targets = [...this.waiters].filter((waiter) => waiter.target > processed).map((waiter) => waiter.target);
    // One look at the log answers every waiter: the next projected event after `processed`.
    let next = Number.POSITIVE_INFINITY;
    const head = await this.events.headPosition();
    if (targets.length > 0) {
      for await (const event of this.events.readAll({ after: processed, filter: this.filter, maxCount: 1 })) next = event.position;
    }
    for (const waiter of [...this.waiters]) {
      if (waiter.target <= processed || (waiter.target <= head && waiter.target < next)) {
        clearTimeout(waiter.timer);
        this.waiters.delete(waiter);
        waiter.resolve(true);
      }
    }
  }

  close(): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.resolve(false);
    }
    this.waiters.clear();
  }
}
