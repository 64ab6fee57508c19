import type { Histogram } from 'prom-client';
import {
  EventStore,
  StorageUnavailableError,
  WrongExpectedRevisionError,
  type EventLogObserver,
  type StreamAppend,
} from '../event-store/event-store.port';
import { LockServiceUnavailableError, SeatLocks, type LockAttempt } from '../seat-locks/seat-locks.port';
import type { Metrics, Tally } from './metrics';

/**
 * What the ports do, as operators watch it: log append latency and outcome, the events written
 * (and the box-office facts among them: holds, sales, expiries, refunds), whether the log can
 * write, the embedded log's fsync batches, and seat-lock contention. Measured at the port, so
 * every caller (command handlers, sweepers, reactions) and both adapters are covered alike.
 * Labels are bounded sets (operation, outcome, event type), never a stream, seat or booking id.
 */

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** Events that are box-office facts, each counted on its own counter as well as by type. */
const BUSINESS_COUNTERS: Record<string, { name: string; help: string }> = {
  'booking.placed.v1': { name: 'tessera_booking_holds_total', help: 'Bookings placed on hold (booking.placed.v1 appended)' },
  'booking.confirmed.v1': { name: 'tessera_booking_sales_total', help: 'Bookings paid and confirmed (booking.confirmed.v1 appended)' },
  'booking.expired.v1': { name: 'tessera_booking_expiries_total', help: 'Holds that expired unpaid (booking.expired.v1 appended)' },
  'booking.refunded.v1': { name: 'tessera_booking_refunds_total', help: 'Bookings refunded (booking.refunded.v1 appended)' },
  'seat.held.v1': { name: 'tessera_seats_held_total', help: 'Seats put on hold (seat.held.v1 appended)' },
  'seat.sold.v1': { name: 'tessera_seats_sold_total', help: 'Seats sold (seat.sold.v1 appended)' },
  'ticket.checked-in.v1': { name: 'tessera_ticket_checkins_total', help: 'Tickets checked in at the gate (ticket.checked-in.v1 appended)' },
};

type AppendOutcome = 'ok' | 'conflict' | 'unavailable' | 'error';

const outcomeOf = (error: unknown): AppendOutcome =>
  error instanceof WrongExpectedRevisionError ? 'conflict' : error instanceof StorageUnavailableError ? 'unavailable' : 'error';

/** The embedded log's write + fdatasync rounds, for its `observer` option. */
export const eventLogObserver = (metrics: Metrics): EventLogObserver => {
  const appends = metrics.histogram(
    'tessera_event_log_fsync_batch_appends',
    'Appends made durable by one write + fdatasync of the embedded log (group commit batch size)',
    [],
    [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024],
  );
  const bytes = metrics.histogram(
    'tessera_event_log_fsync_batch_bytes',
    'Bytes written by one write + fdatasync of the embedded log',
    [],
    [256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304],
  );
  const seconds = metrics.histogram('tessera_event_log_fsync_duration_seconds', 'One write + fdatasync of the embedded log', [], LATENCY_BUCKETS);
  return {
    synced: (sync) => {
      appends.observe(sync.appends);
      bytes.observe(sync.bytes);
      seconds.observe(sync.seconds);
    },
  };
};

/**
 * The same store, its appends timed and counted. A Proxy rather than a wrapper class, so the
 * adapter stays what it is for the code that asks (the CLI's embedded-only commands).
 */
export const instrumentEventStore = <T extends EventStore>(store: T, metrics: Metrics): T => {
  const duration = metrics.histogram(
    'tessera_event_log_append_duration_seconds',
    'One append to the log (single or atomic multi-stream) until it is durable, by operation and outcome',
    ['operation', 'outcome'],
    LATENCY_BUCKETS,
  );
  metrics.gauge('tessera_event_log_writable', '1 while the event log can write, 0 while it refuses writes (disk full, I/O error)', [], (gauge) => {
    try {
      store.assertWritable();
      gauge.set(1);
    } catch {
      gauge.set(0);
    }
  });
  metrics.gauge('tessera_event_log_head_position', 'Position of the newest event in the log: its rate is the events written per second', [], async (gauge) => {
    gauge.set(await store.headPosition());
  });
  // Counted as tallies (handed over at scrape) and through label children resolved once:
  // prom-client hashes a label set on every call, measurable against an append.
  const business = new Map(Object.entries(BUSINESS_COUNTERS).map(([type, { name, help }]) => [type, metrics.tally(name, help)]));
  const countType = (type: string): void => {
    metrics.eventsAppended.add(type);
    business.get(type)?.add();
  };
  const durations = new Map<string, { observe(seconds: number): void }>();
  const observe = (operation: string, outcome: AppendOutcome, seconds: number): void => {
    const key = `${operation}/${outcome}`;
    let child = durations.get(key);
    if (!child) durations.set(key, (child = duration.labels({ operation, outcome })));
    child.observe(seconds);
  };
  const timed = async <R>(operation: string, appends: readonly Pick<StreamAppend, 'events'>[], run: () => Promise<R>): Promise<R> => {
    const started = performance.now();
    try {
      const result = await run();
      observe(operation, 'ok', (performance.now() - started) / 1000);
      for (const append of appends) for (const event of append.events) countType(event.type);
      return result;
    } catch (error) {
      observe(operation, outcomeOf(error), (performance.now() - started) / 1000);
      throw error;
    }
  };
  const append: EventStore['append'] = (stream, events, options) => timed('append', [{ events }], () => store.append(stream, events, options));
  const appendMulti: EventStore['appendMulti'] = (appends) => timed('append_multi', appends, () => store.appendMulti(appends));
  // Methods bound once, not on every call: reads go through here on every command.
  const bound = new Map<PropertyKey, { from: unknown; to: unknown }>();
  return new Proxy(store, {
    get(target, property) {
      if (property === 'append') return append;
      if (property === 'appendMulti') return appendMulti;
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const cached = bound.get(property);
      if (cached?.from === value) return cached.to;
      const to = (value as (...args: unknown[]) => unknown).bind(target);
      bound.set(property, { from: value, to });
      return to;
    },
  });
};

/** Seat locks with their contention counted: acquired, contended (someone else holds a seat), unavailable (no quorum). */
export class InstrumentedSeatLocks extends SeatLocks {
  private readonly attempts: Tally;
  private readonly duration: Histogram<string>;

  constructor(
    private readonly inner: SeatLocks,
    metrics: Metrics,
  ) {
    super();
    this.attempts = metrics.tally(
      'tessera_seat_lock_acquisitions_total',
      'Attempts to lock the seats of a booking, by outcome: acquired, contended (a seat was locked by another command), unavailable (no lock quorum), error',
      'outcome',
      ['acquired', 'contended', 'unavailable', 'error'],
    );
    this.duration = metrics.histogram('tessera_seat_lock_acquire_duration_seconds', 'One attempt to lock the seats of a booking', [], LATENCY_BUCKETS);
  }

  async acquire(resources: readonly string[], ttlMs: number): Promise<LockAttempt> {
    const end = this.duration.startTimer();
    try {
      const attempt = await this.inner.acquire(resources, ttlMs);
      this.attempts.add(attempt.acquired ? 'acquired' : 'contended');
      return attempt;
    } catch (error) {
      this.attempts.add(error instanceof LockServiceUnavailableError ? 'unavailable' : 'error');
      throw error;
    } finally {
      end();
    }
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
