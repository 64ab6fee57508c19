import { randomUUID } from 'node:crypto';
import type { EventStore, EventToAppend, RecordedEvent } from '../event-store/event-store.port';
import { HealthChecks } from '../observability/health';
import { Metrics } from '../observability/metrics';
import { Subscription, type CheckpointStore, type SubscriptionHandler, type SubscriptionOptions } from './subscription';

/**
 * The behaviour of the platform subscription, on any EventStore adapter. The store may hold
 * other data (a shared KurrentDB): every test uses its own stream prefix, and starts from the
 * head it finds, and positions are only assumed to increase.
 */

export interface SubscriptionStoreUnderTest {
  store: EventStore;
  teardown: () => Promise<void>;
}

const WAIT_MS = 10_000;

const waitUntil = async (condition: () => boolean | Promise<boolean>, what = 'condition'): Promise<void> => {
  const deadline = Date.now() + WAIT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/** A checkpoint kept in memory, counting its saves; `failing` makes saves fail (a process dying before it checkpoints). */
class MemoryCheckpoint implements CheckpointStore {
  saves: number[] = [];
  failing = false;

  constructor(public value: number | null) {}

  async load(): Promise<number | null> {
    return this.value;
  }

  async save(position: number): Promise<void> {
    if (this.failing) throw new Error('the process died before it checkpointed');
    this.value = position;
    this.saves.push(position);
  }
}

/** A handler that records what it handled, batch by batch, and can be told to fail. */
class Recorder implements SubscriptionHandler {
  readonly batches: RecordedEvent[][] = [];
  readonly attempts: number[][] = [];
  /** Attempts still to fail; Infinity fails until reset. */
  failNext = 0;
  live: boolean[] = [];

  get handled(): RecordedEvent[] {
    return this.batches.flat();
  }

  async handle(events: readonly RecordedEvent[], context: { live: boolean }): Promise<void> {
    this.attempts.push(events.map((event) => event.position));
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('the handler failed');
    }
    this.batches.push([...events]);
    this.live.push(context.live);
  }
}

export const describeSubscriptionContract = (title: string, setup: () => Promise<SubscriptionStoreUnderTest>): void => {
  describe(title, () => {
    let store: EventStore;
    let teardown: (() => Promise<void>) | undefined;
    const running: Subscription[] = [];

    beforeAll(async () => {
      ({ store, teardown } = await setup());
    });

    afterEach(async () => {
      await Promise.all(running.splice(0).map((subscription) => subscription.stop()));
    });

    afterAll(async () => {
      await teardown?.();
    });

    const anEvent = (n: number, type = 'subscription.tested.v1'): EventToAppend => ({
      id: randomUUID(),
      type,
      data: { n },
      metadata: {
        actorId: 'user-contract',
        correlationId: randomUUID(),
        causationId: randomUUID(),
        occurredAt: '2026-01-02T03:04:05.000Z',
        schemaVersion: 1,
      },
    });
    const appendTo = async (stream: string, count: number, from = 0): Promise<number> =>
      (await store.append(stream, Array.from({ length: count }, (_, i) => anEvent(from + i)))).position;
    const aPrefix = (): string => `sub${randomUUID().slice(0, 8)}-`;

    const subscribe = (options: Partial<SubscriptionOptions> & Pick<SubscriptionOptions, 'handler'>, extra: { health?: HealthChecks; metrics?: Metrics } = {}): Subscription => {
      const subscription = new Subscription(
        { name: `contract-${randomUUID().slice(0, 8)}`, filter: {}, retry: { firstDelayMs: 5, maxDelayMs: 20 }, restart: { firstDelayMs: 10, maxDelayMs: 40 }, ...options },
        { events: store, ...extra },
      );
      running.push(subscription);
      return subscription;
    };

    it('catches up from its checkpoint in batches, turns live, and checkpoints what it handled', async () => {
      const prefix = aPrefix();
      const checkpoint = new MemoryCheckpoint(await store.headPosition());
      await appendTo(`${prefix}a`, 300);
      const handler = new Recorder();
      const subscription = subscribe({ filter: { streamPrefixes: [prefix] }, handler, checkpoint, maxBatch: 100 });
      await subscription.start();
      expect(await subscription.gap()).toBeGreaterThan(0); // behind by the 300 it has not handled yet
      await subscription.caughtUp;
      expect(handler.handled.map((e) => e.data)).toEqual(Array.from({ length: 300 }, (_, n) => ({ n })));
      expect(handler.batches.length).toBeLessThan(300); // batched, at most maxBatch at a time
      expect(Math.max(...handler.batches.map((batch) => batch.length))).toBeLessThanOrEqual(100);
      expect(handler.live.every((live) => !live)).toBe(true);
      expect(subscription.status.state).toBe('live');

      const last = await appendTo(`${prefix}b`, 2);
      await subscription.whenHandled(last);
      expect(handler.handled).toHaveLength(302);
      expect(handler.live.at(-1)).toBe(true);
      expect(checkpoint.value).toBe(last);
      // Live with nothing left: no gap, though the head is now an event its filter leaves out.
      await store.append(`other${prefix}x`, [anEvent(0)]);
      expect(await subscription.gap()).toBe(0);

      // A new instance resumes after the checkpoint: nothing is handed over twice.
      await subscription.stop();
      const next = new Recorder();
      const resumed = subscribe({ filter: { streamPrefixes: [prefix] }, handler: next, checkpoint });
      await resumed.start();
      const after = await appendTo(`${prefix}c`, 1);
      await resumed.whenHandled(after);
      expect(next.handled.map((e) => e.stream)).toEqual([`${prefix}c`]);
    });

    it('settles a wait for a position it will not handle once it stops: the waiter hears it, never hangs', async () => {
      const prefix = aPrefix();
      const subscription = subscribe({ filter: { streamPrefixes: [prefix] }, handler: new Recorder(), checkpoint: new MemoryCheckpoint(await store.headPosition()) });
      await subscription.start();
      await subscription.caughtUp;
      const handled = await appendTo(`${prefix}s`, 1);
      await subscription.whenHandled(handled);
      const waiting = subscription.whenHandled(handled + 1_000_000);
      await subscription.stop();
      await expect(waiting).rejects.toThrow(/stopped before it handled position/);
      await expect(subscription.whenHandled(handled + 1_000_000)).rejects.toThrow(/stopped before/);
      await expect(subscription.whenHandled(handled)).resolves.toBeUndefined();
    });

    it('retries a batch whose handler throws, in order and without losing an event', async () => {
      const prefix = aPrefix();
      const handler = new Recorder();
      const metrics = new Metrics();
      const subscription = subscribe({ filter: { streamPrefixes: [prefix] }, handler, checkpoint: new MemoryCheckpoint(await store.headPosition()) }, { metrics });
      await subscription.start();
      await subscription.caughtUp;
      handler.failNext = 2; // the default policy makes 3 attempts
      const first = await appendTo(`${prefix}s`, 1);
      await subscription.whenHandled(first);
      const second = await appendTo(`${prefix}s`, 1, 1);
      await subscription.whenHandled(second);

      expect(handler.attempts.slice(0, 3)).toEqual([[first], [first], [first]]);
      expect(handler.handled.map((e) => e.position)).toEqual([first, second]);
      expect(subscription.status).toMatchObject({ state: 'live', restarts: 0 });
      expect(await metrics.registry.getSingleMetricAsString('tessera_subscription_errors_total')).toContain(`subscription="${subscription.name}"} 2`);
    });

    it('restarts after the retries run out, shows it on /health, and resumes after the last handled event', async () => {
      const prefix = aPrefix();
      const handler = new Recorder();
      const health = new HealthChecks();
      const metrics = new Metrics();
      const subscription = subscribe({ filter: { streamPrefixes: [prefix] }, handler, checkpoint: new MemoryCheckpoint(await store.headPosition()) }, { health, metrics });
      const check = (): Promise<unknown> => (health.entries().find(([name]) => name === subscription.name) as [string, () => Promise<unknown>])[1]();
      await subscription.start();
      await subscription.caughtUp;
      const ok = await appendTo(`${prefix}s`, 1);
      await subscription.whenHandled(ok);
      await expect(check()).resolves.toMatchObject({ state: 'live' });

      handler.failNext = Number.POSITIVE_INFINITY;
      const poison = await appendTo(`${prefix}s`, 1, 1);
      await waitUntil(() => subscription.status.restarts >= 2, 'two restarts');
      expect(subscription.status.state).toMatch(/retrying|restarting/);
      await expect(check()).rejects.toThrow(/the handler failed/);
      // Nothing after the failing event is handed over before it: every attempt starts with it.
      expect(handler.attempts.filter((a) => a.includes(poison)).every((a) => a[0] === poison)).toBe(true);

      handler.failNext = 0;
      await subscription.whenHandled(poison);
      const later = await appendTo(`${prefix}s`, 1, 2);
      await subscription.whenHandled(later);
      expect(handler.handled.map((e) => e.position)).toEqual([ok, poison, later]);
      await expect(check()).resolves.toMatchObject({ state: 'live' });
      expect(await metrics.registry.getSingleMetricAsString('tessera_subscription_restarts_total')).toMatch(
        new RegExp(`subscription="${subscription.name}"} [2-9]`),
      );
    });

    it('hands events over again when the process dies before the checkpoint (at least once)', async () => {
      const prefix = aPrefix();
      const checkpoint = new MemoryCheckpoint(await store.headPosition());
      const before = new Recorder();
      const dying = subscribe({ filter: { streamPrefixes: [prefix] }, handler: before, checkpoint, checkpointEvery: { events: 3 } });
      await dying.start();
      await dying.caughtUp;
      const positions: number[] = [];
      for (let n = 0; n < 3; n++) positions.push(await appendTo(`${prefix}s`, 1, n));
      await dying.whenHandled(positions[2]);
      positions.push(await appendTo(`${prefix}s`, 1, 3));
      await dying.whenHandled(positions[3]);
      expect(checkpoint.value).toBe(positions[2]); // saved after three, not yet after the fourth
      checkpoint.failing = true; // dies now: the fourth is handled but its checkpoint never written
      await dying.stop();
      checkpoint.failing = false;

      const after = new Recorder();
      const restarted = subscribe({ filter: { streamPrefixes: [prefix] }, handler: after, checkpoint });
      await restarted.start();
      await restarted.whenHandled(positions[3]);
      expect(before.handled.map((e) => e.position)).toEqual(positions);
      expect(after.handled.map((e) => e.position)).toEqual([positions[3]]);
    });

    it('checkpoints where the handler may resume, not past an event it still waits on', async () => {
      const prefix = aPrefix();
      const checkpoint = new MemoryCheckpoint(await store.headPosition());
      let waitingOn: number | undefined;
      const handler: SubscriptionHandler = {
        handle: async (events) => void (waitingOn ??= events[0].position),
        resumePoint: (handled) => (waitingOn === undefined ? handled : Math.min(handled, waitingOn - 1)),
      };
      const subscription = subscribe({ filter: { streamPrefixes: [prefix] }, handler, checkpoint });
      await subscription.start();
      const first = await appendTo(`${prefix}s`, 1);
      const second = await appendTo(`${prefix}s`, 1, 1);
      await subscription.whenHandled(second);
      expect(checkpoint.value).toBe(first - 1);
      waitingOn = undefined;
      await subscription.commit();
      expect(checkpoint.value).toBe(second);
    });

    it('starts from the beginning when its checkpoint is past the head of the log', async () => {
      const prefix = aPrefix();
      const early = await appendTo(`${prefix}s`, 1);
      const handler = new Recorder();
      const subscription = subscribe({ filter: { streamPrefixes: [prefix] }, handler, checkpoint: new MemoryCheckpoint((await store.headPosition()) + 1_000_000) });
      await subscription.start();
      await subscription.whenHandled(early);
      expect(handler.handled.map((e) => e.position)).toEqual([early]);
    });

    it('is red on /health until caught up when its readiness is caught-up', async () => {
      const prefix = aPrefix();
      await appendTo(`${prefix}s`, 50);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const health = new HealthChecks();
      const subscription = subscribe(
        { filter: { streamPrefixes: [prefix] }, readiness: 'caught-up', handler: { handle: () => gate } },
        { health },
      );
      const check = (health.entries()[0] as [string, () => Promise<unknown>])[1];
      await subscription.start();
      await expect(check()).rejects.toThrow(/catching up/);
      release();
      await subscription.caughtUp;
      await expect(check()).resolves.toMatchObject({ state: 'live' });
    });

    it('shares a consumer group between two members, each event to one member, each stream to one member', async () => {
      const prefix = aPrefix();
      const group = `contract-group-${randomUUID().slice(0, 8)}`;
      const from = { after: await store.headPosition() };
      const members = [new Recorder(), new Recorder()];
      const subscriptions = members.map((handler) => subscribe({ filter: { streamPrefixes: [prefix] }, handler, group: { name: group, from } }));
      for (const subscription of subscriptions) await subscription.start();
      await new Promise((resolve) => setTimeout(resolve, 200)); // both have joined before anything is written

      const streams = Array.from({ length: 13 }, (_, i) => `${prefix}${i}`);
      for (let round = 0; round < 3; round++) for (const stream of streams) await appendTo(stream, 1, round);
      await waitUntil(() => members[0].handled.length + members[1].handled.length >= streams.length * 3, 'every event handled');
      await new Promise((resolve) => setTimeout(resolve, 100)); // and none twice

      const ids = members.flatMap((member) => member.handled.map((e) => e.id));
      expect(ids).toHaveLength(streams.length * 3);
      expect(new Set(ids).size).toBe(streams.length * 3);
      const streamsOf = members.map((member) => new Set(member.handled.map((e) => e.stream)));
      expect(streamsOf[0].size).toBeGreaterThan(0);
      expect(streamsOf[1].size).toBeGreaterThan(0);
      for (const stream of streamsOf[0]) expect(streamsOf[1].has(stream)).toBe(false);
      // A member sees a stream's events in order.
      for (const member of members) {
        for (const stream of streams) {
          const revisions = member.handled.filter((e) => e.stream === stream).map((e) => e.revision);
          expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
        }
      }
    });

    it('as a group member, retries a throwing handler and then hands the event back to the group', async () => {
      const prefix = aPrefix();
      const group = `contract-group-${randomUUID().slice(0, 8)}`;
      const handler = new Recorder();
      const subscription = subscribe({ filter: { streamPrefixes: [prefix] }, handler, group: { name: group, from: { after: await store.headPosition() } } });
      await subscription.start();
      handler.failNext = 4; // three attempts, a restart, then it passes on the redelivery
      const position = await appendTo(`${prefix}s`, 1);
      await subscription.whenHandled(position);
      expect(handler.attempts.filter((a) => a[0] === position).length).toBe(5);
      expect(subscription.status.restarts).toBe(1);
      expect(handler.handled.map((e) => e.position)).toEqual([position]);
    });
  });
};
