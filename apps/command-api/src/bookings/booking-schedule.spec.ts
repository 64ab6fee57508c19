import { Logger } from '@nestjs/common';
import type { BookingEvent } from '@tessera/contracts';
import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { HealthChecks } from '@tessera/platform/observability/health';
import { Metrics } from '@tessera/platform/observability/metrics';
import { EmbeddedReadStore } from '@tessera/platform/read-store/embedded';
import { Subscriptions } from '@tessera/platform/subscriptions/subscriptions';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { Clock } from '@tessera/platform/time/clock';
import { randomUUID } from 'node:crypto';
import { BookingSchedule, ScheduledBooking } from './booking-schedule';

/** A schedule over test events: `due` adds (or replaces) a booking's entry, `done` removes it. */
interface Entry extends ScheduledBooking {
  dueAt: number;
}

class ManualClock extends Clock {
  constructor(public ms: number) {
    super();
  }
  now(): Date {
    return new Date(this.ms);
  }
}

class TestSchedule extends BookingSchedule<Entry> {
  readonly worked: string[] = [];
  readonly failing = new Set<string>();
  /** How many more times tracking a `test.poison` event throws. */
  poisonFailures = 0;

  constructor(store: EmbeddedEventStore, readStore: EmbeddedReadStore, clock: Clock) {
    super(
      new Logger('TestSchedule'),
      { checkpoint: 'test-schedule', filter: { streamPrefixes: ['booking-'] }, sweepIntervalMs: 60_000 },
      new Subscriptions(store, readStore, new HealthChecks(), new Metrics()),
      clock,
    );
  }

  protected track(event: BookingEvent, recorded: RecordedEvent): void {
    const { type, data } = event as unknown as { type: string; data: { bookingId: string; dueAt?: number } };
    if (type === 'test.poison' && this.poisonFailures > 0) {
      this.poisonFailures -= 1;
      throw new Error('cannot track this one yet');
    }
    if (type === 'test.due') this.add(data.bookingId, { dueAt: data.dueAt ?? 0, position: recorded.position });
    if (type === 'test.done') this.remove(data.bookingId);
  }

  protected dueAt(entry: Entry): number {
    return entry.dueAt;
  }

  protected override workFailed(): void {
    // expected in these tests
  }

  protected async work(bookingId: string): Promise<void> {
    if (this.failing.has(bookingId)) throw new Error('not now');
    this.worked.push(bookingId);
  }
}

describe('BookingSchedule', () => {
  let dir: string;
  let store: EmbeddedEventStore;
  let readStore: EmbeddedReadStore;
  let clock: ManualClock;
  let schedule: TestSchedule;

  const append = async (bookingId: string, type: 'test.due' | 'test.done' | 'test.poison', dueAt?: number): Promise<number> => {
    const result = await store.append(`booking-${bookingId}`, [
      { id: randomUUID(), type, data: { bookingId, dueAt }, metadata: { occurredAt: new Date(clock.ms).toISOString() } as never },
    ]);
    return result.position;
  };
  const caughtUp = async (bookingId: string, present: boolean): Promise<void> => {
    for (let i = 0; i < 200 && schedule.pending().has(bookingId) !== present; i++) await new Promise((r) => setTimeout(r, 5));
    expect(schedule.pending().has(bookingId)).toBe(present);
  };

  beforeEach(async () => {
    dir = await makeTempDir('booking-schedule');
    store = await EmbeddedEventStore.open({ dataDir: dir });
    readStore = new EmbeddedReadStore();
    await readStore.open();
    clock = new ManualClock(1_000_000);
    schedule = new TestSchedule(store, readStore, clock);
    await schedule.onApplicationBootstrap();
  });

  afterEach(async () => {
    await schedule.onModuleDestroy();
    await readStore.close();
    await store.close();
    await removeDir(dir);
  });

  it('works on what is due, earliest first, and leaves the rest waiting', async () => {
    await append('late', 'test.due', 1_000_900);
    await append('second', 'test.due', 1_000_200);
    await append('first', 'test.due', 1_000_100);
    await caughtUp('first', true);

    clock.ms = 1_000_500;
    await schedule.sweep();
    expect(schedule.worked).toEqual(['first', 'second']);
    expect([...schedule.pending().keys()]).toEqual(['late']);

    clock.ms = 1_001_000;
    await schedule.sweep();
    expect(schedule.worked).toEqual(['first', 'second', 'late']);
    expect(schedule.pending().size).toBe(0);
  });

  it('never works on a booking the log has finished with, nor on the version a newer event replaced', async () => {
    await append('finished', 'test.due', 1_000_100);
    await append('moved', 'test.due', 1_000_100);
    await append('finished', 'test.done');
    await append('moved', 'test.due', 1_005_000);
    // Until the last event is read (events come in batches, so not before the appends return).
    for (let i = 0; i < 200 && schedule.pending().get('moved')?.dueAt !== 1_005_000; i++) await new Promise((r) => setTimeout(r, 5));
    await caughtUp('finished', false);

    clock.ms = 1_001_000;
    await schedule.sweep();
    expect(schedule.worked).toEqual([]);
    clock.ms = 1_005_000;
    await schedule.sweep();
    expect(schedule.worked).toEqual(['moved']);
  });

  it('tries failed work again on the next pass', async () => {
    await append('flaky', 'test.due', 1_000_100);
    await caughtUp('flaky', true);
    schedule.failing.add('flaky');
    clock.ms = 1_000_200;
    await schedule.sweep();
    expect(schedule.pending().has('flaky')).toBe(true);

    schedule.failing.clear();
    await schedule.sweep();
    expect(schedule.worked).toEqual(['flaky']);
    expect(schedule.pending().has('flaky')).toBe(false);
  });

  it('keeps its checkpoint just before the oldest booking still waiting, a replaced one counting from its newer event', async () => {
    await append('a', 'test.due', 1_000_100);
    const b = await append('b', 'test.due', 1_009_000);
    const c = await append('c', 'test.due', 1_009_000);
    await caughtUp('c', true);

    clock.ms = 1_000_500;
    await schedule.sweep(); // a is done; b is the oldest waiting
    expect(await readStore.getCheckpoint('test-schedule')).toBe(b - 1);

    // b now waits from a newer event, so c is the oldest: a checkpoint past c would lose it on a restart.
    const bAgain = await append('b', 'test.due', 1_009_000);
    for (let i = 0; i < 200 && schedule.pending().get('b')?.position !== bAgain; i++) await new Promise((r) => setTimeout(r, 5));
    await schedule.sweep();
    expect(await readStore.getCheckpoint('test-schedule')).toBe(c - 1);

    await append('c', 'test.done');
    await caughtUp('c', false);
    await schedule.sweep();
    expect(await readStore.getCheckpoint('test-schedule')).toBe(bAgain - 1);
  });

  it('keeps following the log when tracking an event throws: retried, then restarted, never stopped', async () => {
    await append('before', 'test.due', 1_000_100);
    await caughtUp('before', true);
    // Three failed attempts use up the retries; the restarted subscription fails once more, then passes.
    schedule.poisonFailures = 4;
    await append('poison', 'test.poison');
    await append('after', 'test.due', 1_000_100);
    await caughtUp('after', true);
    expect(schedule.poisonFailures).toBe(0);

    clock.ms = 1_000_200;
    await schedule.sweep();
    expect(schedule.worked).toEqual(['before', 'after']);
  });

  it('with tens of thousands waiting, a pass works on the due ones only', async () => {
    const waiting = 30_000;
    const events = Array.from({ length: waiting }, (_, i) => ({
      stream: `booking-w${i}`,
      expectedRevision: 'any' as const,
      events: [{ id: randomUUID(), type: 'test.due', data: { bookingId: `w${i}`, dueAt: 2_000_000 + i }, metadata: { occurredAt: new Date(clock.ms).toISOString() } as never }],
    }));
    for (let i = 0; i < events.length; i += 1000) await store.appendMulti(events.slice(i, i + 1000));
    await caughtUp(`w${waiting - 1}`, true);

    clock.ms = 2_000_002;
    await schedule.sweep();
    expect(schedule.worked).toEqual(['w0', 'w1', 'w2']);
    expect(schedule.pending().size).toBe(waiting - 3);
  });
});
