import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { DomainEvent } from '@tessera/contracts';
import type { EventFilter, RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import type { Subscription } from '@tessera/platform/subscriptions/subscription';
import type { Metrics } from '@tessera/platform/observability/metrics';
import { Subscriptions } from '@tessera/platform/subscriptions/subscriptions';
import { Clock } from '@tessera/platform/time/clock';
import type { Registry } from 'prom-client';
import { DueQueue } from './due-queue';

/** Where an entry came from: the checkpoint never passes an entry still waiting. */
export interface ScheduledEntry {
  position: number;
}

interface Backlog {
  pending: number;
  due: number;
  overdueSeconds: number;
}

/** The schedules each registry reports a backlog for (several schedules per app, one set of gauges). */
const backlogSources = new WeakMap<Registry, Map<string, { backlog(): Backlog }>>();

/**
 * Things waiting for time-driven work (held bookings, incident deadlines), kept from the log
 * rather than in a timer each:
 * a handler on the platform subscription adds and removes entries (`track`); a timer
 * (`sweepIntervalMs`) runs `work` for the entries that are due; the checkpoint (in the ReadStore)
 * stays just before the oldest entry still waiting, so a restart finds every one again in the
 * log. Work must be idempotent: another instance may do the same at the same time.
 *
 * A pass costs what is due, not what waits: entries sit in a heap by due time, and the map keeps
 * them in the order the log gave them (an entry that is replaced moves to the end), so its first
 * entry is the oldest still waiting. A flash sale leaves tens of thousands of holds waiting.
 */
export abstract class LogSchedule<TEntry extends ScheduledEntry, TEvent extends DomainEvent = DomainEvent> implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly entries = new Map<string, TEntry>();
  private readonly queue = new DueQueue<TEntry>();
  private readonly subscription: Subscription;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  protected constructor(
    protected readonly logger: Logger,
    private readonly schedule: { checkpoint: string; filter: EventFilter; sweepIntervalMs: number },
    subscriptions: Subscriptions,
    protected readonly clock: Clock,
  ) {
    this.subscription = subscriptions.create({
      name: schedule.checkpoint,
      filter: schedule.filter,
      checkpoint: schedule.checkpoint,
      // At most once a sweep interval (each pass commits too), not after every batch of holds.
      checkpointEvery: { ms: schedule.sweepIntervalMs },
      handler: {
        handle: async (events) => {
          for (const recorded of events) this.track({ type: recorded.type, data: recorded.data } as TEvent, recorded);
        },
        // Never past the oldest entry still waiting, so a restart finds it again in the log.
        resumePoint: (handled) => {
          const oldest = this.entries.values().next();
          return oldest.done ? handled : Math.min(handled, oldest.value.position - 1);
        },
      },
    });
    this.reportBacklog(subscriptions.metrics);
  }

  /**
   * The backlog on /metrics, by schedule: entries waiting, those already due, and how long the
   * oldest due one has waited past its time. Past one sweep interval or two, the sweeps are not
   * keeping up (or keep failing): the expiry-backlog alert watches it. A scan of the entries at
   * each scrape (once per gauge): a flash sale's tens of thousands cost a few milliseconds at most.
   */
  private reportBacklog(metrics: Metrics): void {
    let schedules = backlogSources.get(metrics.registry);
    if (!schedules) backlogSources.set(metrics.registry, (schedules = new Map()));
    schedules.set(this.schedule.checkpoint, this);
    const known = schedules;
    const report = (name: string, help: string, value: (backlog: Backlog) => number): void => {
      metrics.gauge(name, help, ['schedule'], (gauge) => {
        for (const [schedule, source] of known) gauge.set({ schedule }, value(source.backlog()));
      });
    };
    report('tessera_schedule_pending', "Entries waiting for a schedule's time-driven work (hold expiry, request settlement, incident SLA deadlines)", (b) => b.pending);
    report('tessera_schedule_due', 'Entries whose scheduled work is due and not yet done', (b) => b.due);
    report('tessera_schedule_overdue_seconds', 'How long the oldest due entry has waited past its due time (0 when none is due)', (b) => b.overdueSeconds);
  }

  backlog(): Backlog {
    const now = this.clock.now().getTime();
    let due = 0;
    let oldest = now;
    for (const entry of this.entries.values()) {
      const at = this.dueAt(entry);
      if (at > now) continue;
      due++;
      if (at < oldest) oldest = at;
    }
    return { pending: this.entries.size, due, overdueSeconds: (now - oldest) / 1000 };
  }

  /** What an event does to the schedule: `add` (or replace) or `remove` an entry. */
  protected abstract track(event: TEvent, recorded: RecordedEvent): void;
  /** When an entry's work should run (epoch ms). */
  protected abstract dueAt(entry: TEntry): number;
  /** The work for one due entry; a throw leaves the entry for the next pass. */
  protected abstract work(key: string, now: Date): Promise<void>;

  async onApplicationBootstrap(): Promise<void> {
    await this.subscription.start();
    this.timer = setInterval(() => void this.sweep(), this.schedule.sweepIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
    await this.subscription.stop();
  }

  protected add(key: string, entry: TEntry): void {
    this.entries.delete(key); // to the end: the map stays in log order
    this.entries.set(key, entry);
    this.queue.push(key, entry, this.dueAt(entry));
    // Removed and replaced entries stay in the heap until due; start again once they dominate.
    if (this.queue.size > 2 * this.entries.size + 1024) this.queue.compact(this.entries, (e) => this.dueAt(e));
  }

  protected remove(key: string): void {
    this.entries.delete(key);
  }

  /** Entries still waiting, as far as the subscription has read: for tests and diagnostics. */
  pending(): ReadonlyMap<string, Readonly<TEntry>> {
    return this.entries;
  }

  /** One pass over what is due. Runs on the timer; tests may call it directly. */
  sweep(): Promise<void> {
    this.sweeping ??= this.sweepOnce().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepOnce(): Promise<void> {
    const now = this.clock.now();
    const due = this.queue.takeDue(now.getTime(), (key, entry) => this.entries.get(key) === entry);
    for (const { key: key, value: entry } of due) {
      try {
        await this.work(key, now);
        // Done here or elsewhere (another instance, the entry's own flow): nothing left to wait for.
        if (this.entries.get(key) === entry) this.entries.delete(key);
      } catch (error) {
        this.workFailed(key, error);
        // Still due: the next pass tries again, unless the log has moved the entry on meanwhile.
        if (this.entries.get(key) === entry) this.queue.push(key, entry, this.dueAt(entry));
      }
    }
    await this.subscription.commit();
  }

  /** How a failed attempt is reported; it is tried again on the next pass. */
  protected workFailed(key: string, error: unknown): void {
    this.logger.warn({ err: error, key }, 'could not finish the work for an entry; will try again');
  }
}
