import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { BookingEvent } from '@tessera/contracts';
import { AllSubscription, EventFilter, EventStore, RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { Clock } from '@tessera/platform/time/clock';
import { DueQueue } from './due-queue';

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
 *
 * A pass costs what is due, not what waits: entries sit in a heap by due time, and the map keeps
 * them in the order the log gave them (an entry that is replaced moves to the end), so its first
 * entry is the oldest still waiting. A flash sale leaves tens of thousands of holds waiting.
 */
export abstract class BookingSchedule<TEntry extends ScheduledBooking> implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly entries = new Map<string, TEntry>();
  private readonly queue = new DueQueue<TEntry>();
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

  /** What an event does to the schedule: `add` (or replace) or `remove` a booking's entry. */
  protected abstract track(event: BookingEvent, recorded: RecordedEvent): void;
  /** When an entry's work should run (epoch ms). */
  protected abstract dueAt(entry: TEntry): number;
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

  protected add(bookingId: string, entry: TEntry): void {
    this.entries.delete(bookingId); // to the end: the map stays in log order
    this.entries.set(bookingId, entry);
    this.queue.push(bookingId, entry, this.dueAt(entry));
    // Removed and replaced entries stay in the heap until due; start again once they dominate.
    if (this.queue.size > 2 * this.entries.size + 1024) this.queue.compact(this.entries, (e) => this.dueAt(e));
  }

  protected remove(bookingId: string): void {
    this.entries.delete(bookingId);
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
    const due = this.queue.takeDue(now.getTime(), (bookingId, entry) => this.entries.get(bookingId) === entry);
    for (const { key: bookingId, value: entry } of due) {
      try {
        await this.work(bookingId, now);
        // Done here or elsewhere (another instance, the booking's own flow): nothing left to wait for.
        if (this.entries.get(bookingId) === entry) this.entries.delete(bookingId);
      } catch (error) {
        this.workFailed(bookingId, error);
        // Still due: the next pass tries again, unless the log has moved the entry on meanwhile.
        if (this.entries.get(bookingId) === entry) this.queue.push(bookingId, entry, this.dueAt(entry));
      }
    }
    await this.saveCheckpoint();
  }

  /** How a failed attempt is reported; it is tried again on the next pass. */
  protected workFailed(bookingId: string, error: unknown): void {
    this.logger.warn({ err: error, bookingId }, 'could not finish the work for a booking; will try again');
  }

  private async saveCheckpoint(): Promise<void> {
    const oldest = this.entries.values().next();
    const checkpoint = oldest.done ? this.lastSeen : Math.min(this.lastSeen, oldest.value.position - 1);
    if (checkpoint === this.savedCheckpoint || checkpoint <= 0) return;
    await this.readStore.saveCheckpoint(this.schedule.checkpoint, checkpoint);
    this.savedCheckpoint = checkpoint;
  }
}
