import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { BookingEvent } from '@tessera/contracts';
import { AllSubscription, EventFilter, EventStore, RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { Clock } from '@tessera/platform/time/clock';

/** Where a booking's entry came from: the checkpoint never passes a booking still waiting. */
export interface ScheduledBooking {
  position: number;
}

/**
 * Bookings waiting for time-driven work, kept from the log rather than in a timer per booking:
 * a catch-up subscription over booking events adds and removes entries (`track`); a timer
 * (SWEEP_INTERVAL_MS) runs `work` for the entries that are due; the checkpoint saved in the
 * ReadStore stays just before the oldest entry still waiting, so a restart finds every one again
 * in the log. Work must be idempotent: another instance may do the same at the same time.
 */
export abstract class BookingSchedule<TEntry extends ScheduledBooking> implements OnApplicationBootstrap, OnModuleDestroy {
  protected readonly entries = new Map<string, TEntry>();
  private subscription?: AllSubscription;
  private following?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private lastSeen = 0;
  private savedCheckpoint: number | null = null;

  protected constructor(
    protected readonly logger: Logger,
    private readonly schedule: { checkpoint: string; filter: EventFilter; sweepIntervalMs: number },
    private readonly store: EventStore,
    private readonly readStore: ReadStore,
    protected readonly clock: Clock,
  ) {}

  /** What an event does to the schedule: add, replace or remove `entries`. */
  protected abstract track(event: BookingEvent, recorded: RecordedEvent): void;
  /** Whether an entry's work should run now. */
  protected abstract isDue(entry: TEntry, now: Date): boolean;
  /** The work for one due booking; a throw leaves the entry for the next pass. */
  protected abstract work(bookingId: string, now: Date): Promise<void>;

  async onApplicationBootstrap(): Promise<void> {
    this.savedCheckpoint = await this.readStore.getCheckpoint(this.schedule.checkpoint);
    this.lastSeen = this.savedCheckpoint ?? 0;
    this.subscription = this.store.subscribeToAll({
      from: this.savedCheckpoint === null ? 'start' : { after: this.savedCheckpoint },
      filter: this.schedule.filter,
    });
    this.following = this.follow(this.subscription);
    this.timer = setInterval(() => void this.sweep(), this.schedule.sweepIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.subscription?.close();
    await this.following;
    await this.sweeping;
  }

  /** Bookings still waiting, as far as the subscription has read: for tests and diagnostics. */
  pending(): ReadonlyMap<string, Readonly<TEntry>> {
    return this.entries;
  }

  /** One pass over what is due. Runs on the timer; tests may call it directly. */
  sweep(): Promise<void> {
    this.sweeping ??= this.sweepOnce().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async follow(subscription: AllSubscription): Promise<void> {
    try {
      for await (const recorded of subscription) {
        this.track({ type: recorded.type, data: recorded.data } as BookingEvent, recorded);
        this.lastSeen = recorded.position;
      }
    } catch (error) {
      this.logger.error({ err: error }, 'the booking subscription stopped');
    }
  }

  private async sweepOnce(): Promise<void> {
    const now = this.clock.now();
    const due = [...this.entries].filter(([, entry]) => this.isDue(entry, now));
    for (const [bookingId] of due) {
      try {
        await this.work(bookingId, now);
        // Done here or elsewhere (another instance, the booking's own flow): nothing left to wait for.
        this.entries.delete(bookingId);
      } catch (error) {
        this.workFailed(bookingId, error);
      }
    }
    await this.saveCheckpoint();
  }

  /** How a failed attempt is reported; it is tried again on the next pass. */
  protected workFailed(bookingId: string, error: unknown): void {
    this.logger.warn({ err: error, bookingId }, 'could not finish the work for a booking; will try again');
  }

  private async saveCheckpoint(): Promise<void> {
    let checkpoint = this.lastSeen;
    for (const entry of this.entries.values()) checkpoint = Math.min(checkpoint, entry.position - 1);
    if (checkpoint === this.savedCheckpoint || checkpoint <= 0) return;
    await this.readStore.saveCheckpoint(this.schedule.checkpoint, checkpoint);
    this.savedCheckpoint = checkpoint;
  }
}
