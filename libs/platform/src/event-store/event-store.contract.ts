import { randomUUID } from 'node:crypto';
import { WrongExpectedRevisionError, type EventStore, type EventToAppend, type RecordedEvent } from './event-store.port';

/**
 * The behaviour every EventStore adapter must have. It runs against a store that may hold other
 * data (a shared KurrentDB), so every test uses its own stream names, event types and groups,
 * and positions are only assumed to increase strictly, not to be consecutive.
 */

export interface EventStoreUnderTest {
  store: EventStore;
  teardown: () => Promise<void>;
}

const WAIT_MS = 10_000;

export const describeEventStoreContract = (title: string, setup: () => Promise<EventStoreUnderTest>): void => {
  describe(title, () => {
    let store: EventStore;
    let teardown: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      ({ store, teardown } = await setup());
    });

    afterAll(async () => {
      await teardown?.();
    });

    const suffix = (): string => randomUUID().slice(0, 8);
    const uniqueStream = (prefix = 'contract'): string => `${prefix}-${suffix()}`;
    const anEvent = (type = 'contract.tested.v1', data: Record<string, unknown> = { n: 0 }): EventToAppend => ({
      id: randomUUID(),
      type,
      data,
      metadata: {
        actorId: 'user-contract',
        correlationId: randomUUID(),
        causationId: randomUUID(),
        occurredAt: '2026-01-02T03:04:05.000Z',
        schemaVersion: 1,
      },
    });
    const events = (count: number, type?: string): EventToAppend[] =>
      Array.from({ length: count }, (_, n) => anEvent(type, { n }));

    const conflictOf = async (attempt: Promise<unknown>): Promise<WrongExpectedRevisionError> => {
      const error = await attempt.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      return error as WrongExpectedRevisionError;
    };

    const expectIncreasing = (positions: number[]): void => {
      for (let i = 1; i < positions.length; i++) expect(positions[i]).toBeGreaterThan(positions[i - 1]);
    };

    const readAllToArray = async (options: Parameters<EventStore['readAll']>[0]): Promise<RecordedEvent[]> => {
      const read: RecordedEvent[] = [];
      for await (const event of store.readAll(options)) read.push(event);
      return read;
    };

    describe('append to one stream', () => {
      it('creates a stream with no_stream and records every field', async () => {
        const stream = uniqueStream();
        const appended = events(2);
        const result = await store.append(stream, appended, { expectedRevision: 'no_stream' });

        expect(result).toEqual({ stream, nextRevision: 1, position: expect.any(Number) });
        const read = await store.readStream(stream);
        expect(read.map((e) => [e.id, e.type, e.revision, e.stream, e.data, e.metadata])).toEqual(
          appended.map((e, revision) => [e.id, e.type, revision, stream, e.data, e.metadata]),
        );
        expectIncreasing(read.map((e) => e.position));
        expect(read[1].position).toBe(result.position);
        expect(new Date(read[0].recordedAt).toISOString()).toBe(read[0].recordedAt);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(result.position);
      });

      it('refuses no_stream on an existing stream, carrying the actual revision, and writes nothing', async () => {
        const stream = uniqueStream();
        await store.append(stream, events(1), { expectedRevision: 'no_stream' });

        const error = await conflictOf(store.append(stream, events(1), { expectedRevision: 'no_stream' }));

        expect(error.stream).toBe(stream);
        expect(error.actualRevision).toBe(0);
        expect(error.conflicts).toEqual([{ stream, expected: 'no_stream', actual: 0 }]);
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      it('appends at the exact revision and refuses a stale or future one', async () => {
        const stream = uniqueStream();
        await store.append(stream, events(1), { expectedRevision: 'no_stream' });

        const next = await store.append(stream, events(2), { expectedRevision: 0 });
        expect(next.nextRevision).toBe(2);

        const stale = await conflictOf(store.append(stream, events(1), { expectedRevision: 0 }));
        expect(stale.conflicts).toEqual([{ stream, expected: 0, actual: 2 }]);
        const future = await conflictOf(store.append(stream, events(1), { expectedRevision: 7 }));
        expect(future.actualRevision).toBe(2);
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('refuses an exact revision on a stream that does not exist', async () => {
        const stream = uniqueStream();
        const error = await conflictOf(store.append(stream, events(1), { expectedRevision: 0 }));
        expect(error.actualRevision).toBe('no_stream');
        expect(await store.readStream(stream)).toEqual([]);
      });

      it('appends with stream_exists only to a stream that exists', async () => {
        const stream = uniqueStream();
        const error = await conflictOf(store.append(stream, events(1), { expectedRevision: 'stream_exists' }));
        expect(error.actualRevision).toBe('no_stream');

        await store.append(stream, events(1), { expectedRevision: 'no_stream' });
        const result = await store.append(stream, events(1), { expectedRevision: 'stream_exists' });
        expect(result.nextRevision).toBe(1);
      });

      it('appends at an exact revision with expectedEventId only when the event there is that one', async () => {
        const stream = uniqueStream();
        const mine = events(2);
        const first = await store.append(stream, mine, { expectedRevision: 'no_stream' });
        const next = await store.append(stream, events(1), { expectedRevision: first.nextRevision, expectedEventId: mine[1].id });
        expect(next.nextRevision).toBe(2);
        // An older event, named at its own revision: still the one there.
        await store.append(stream, events(1), { expectedRevision: 2, expectedEventId: (await store.readStream(stream))[2].id });

        const wrongEvent = await conflictOf(store.append(stream, events(1), { expectedRevision: 3, expectedEventId: mine[0].id }));
        expect(wrongEvent.conflicts).toEqual([{ stream, expected: 3, actual: 3 }]);
        const stale = await conflictOf(store.append(stream, events(1), { expectedRevision: 1, expectedEventId: mine[1].id }));
        expect(stale.conflicts).toEqual([{ stream, expected: 1, actual: 3 }]);
        const missing = await conflictOf(store.append(uniqueStream(), events(1), { expectedRevision: 0, expectedEventId: mine[0].id }));
        expect(missing.actualRevision).toBe('no_stream');
        expect(await store.readStream(stream)).toHaveLength(4);
        await expect(store.append(stream, events(1), { expectedRevision: 'any', expectedEventId: mine[0].id })).rejects.toThrow(TypeError);
      });

      it('refuses an append counting on one that was refused, even where another writer brought the stream to the same revision', async () => {
        const stream = uniqueStream();
        await store.append(stream, events(1), { expectedRevision: 'no_stream' });
        const refused = events(1);
        await store.append(stream, events(1), { expectedRevision: 0 }); // another writer, first
        await conflictOf(store.append(stream, refused, { expectedRevision: 0 }));
        // The stream is at revision 1, which the refused append would have made: not by its event.
        const built = await conflictOf(store.append(stream, events(1), { expectedRevision: 1, expectedEventId: refused[0].id }));
        expect(built.conflicts).toEqual([{ stream, expected: 1, actual: 1 }]);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('appends with any (the default) whatever the revision', async () => {
        const stream = uniqueStream();
        await store.append(stream, events(1), { expectedRevision: 'any' });
        const result = await store.append(stream, events(2));
        expect(result.nextRevision).toBe(2);
        expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([0, 1, 2]);
      });
    });

    describe('idempotent re-append', () => {
      it('returns the original result for the same ids at the same expected revision, writing nothing', async () => {
        const stream = uniqueStream();
        await store.append(stream, events(1), { expectedRevision: 'no_stream' });
        const batch = events(2);
        const first = await store.append(stream, batch, { expectedRevision: 0 });

        const retry = await store.append(stream, batch, { expectedRevision: 0 });

        expect(retry).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('recognises a retry even after the stream moved on', async () => {
        const stream = uniqueStream();
        const batch = events(2);
        const first = await store.append(stream, batch, { expectedRevision: 'no_stream' });
        await store.append(stream, events(1), { expectedRevision: 1 });

        const retry = await store.append(stream, batch, { expectedRevision: 'no_stream' });

        expect(retry).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('recognises a retry with expected revision any', async () => {
        const stream = uniqueStream();
        const batch = events(2);
        const first = await store.append(stream, batch);
        const retry = await store.append(stream, batch);
        expect(retry).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('returns the original result for a retried atomic multi-stream append', async () => {
        const [a, b] = [uniqueStream(), uniqueStream()];
        const appends = [
          { stream: a, expectedRevision: 'no_stream' as const, events: events(1) },
          { stream: b, expectedRevision: 'no_stream' as const, events: events(2) },
        ];
        const first = await store.appendMulti(appends);
        const retry = await store.appendMulti(appends);
        expect(retry).toEqual(first);
        expect(await store.readStream(a)).toHaveLength(1);
        expect(await store.readStream(b)).toHaveLength(2);
      });
    });

    describe('atomic append to several streams', () => {
      it('appends to every stream at its expected revision', async () => {
        const [booking, seat1, seat2] = [uniqueStream('booking'), uniqueStream('seat'), uniqueStream('seat')];
        await store.append(seat1, events(1), { expectedRevision: 'no_stream' });
        await store.append(seat2, events(2), { expectedRevision: 'no_stream' });

        const result = await store.appendMulti([
          { stream: booking, expectedRevision: 'no_stream', events: events(1, 'contract.booking-placed.v1') },
          { stream: seat1, expectedRevision: 0, events: events(1, 'contract.seat-held.v1') },
          { stream: seat2, expectedRevision: 1, events: events(1, 'contract.seat-held.v1') },
        ]);

        expect(result.streams.map((s) => [s.stream, s.nextRevision])).toEqual([
          [booking, 0],
          [seat1, 1],
          [seat2, 2],
        ]);
        for (const written of result.streams) {
          const [last] = await store.readStream(written.stream, { direction: 'backwards', maxCount: 1 });
          expect(last.position).toBe(written.position);
          expect(last.position).toBeLessThanOrEqual(result.position);
        }
      });

      it('writes nothing at all when one stream conflicts, and names it with its actual revision', async () => {
        const [booking, seat1, seat2] = [uniqueStream('booking'), uniqueStream('seat'), uniqueStream('seat')];
        await store.append(seat1, events(1), { expectedRevision: 'no_stream' });
        await store.append(seat2, events(3), { expectedRevision: 'no_stream' });

        const error = await conflictOf(
          store.appendMulti([
            { stream: booking, expectedRevision: 'no_stream', events: events(1) },
            { stream: seat1, expectedRevision: 0, events: events(1) },
            { stream: seat2, expectedRevision: 1, events: events(1) },
          ]),
        );

        expect(error.conflicts).toEqual([{ stream: seat2, expected: 1, actual: 2 }]);
        expect(await store.readStream(booking)).toEqual([]);
        expect(await store.readStream(seat1)).toHaveLength(1);
        expect(await store.readStream(seat2)).toHaveLength(3);
      });
    });

    describe('readStream', () => {
      let stream: string;
      beforeAll(async () => {
        stream = uniqueStream();
        await store.append(stream, events(10), { expectedRevision: 'no_stream' });
      });
      const revisions = async (options?: Parameters<EventStore['readStream']>[1]): Promise<number[]> =>
        (await store.readStream(stream, options)).map((e) => e.revision);

      it('reads forwards, from a revision, and at most maxCount', async () => {
        expect(await revisions()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        expect(await revisions({ fromRevision: 3, maxCount: 4 })).toEqual([3, 4, 5, 6]);
        expect(await revisions({ fromRevision: 8, maxCount: 5 })).toEqual([8, 9]);
        expect(await revisions({ maxCount: 2 })).toEqual([0, 1]);
        // Past the last revision there is nothing yet (StreamStateCache reads only what is new).
        expect(await revisions({ fromRevision: 10 })).toEqual([]);
      });

      it('reads backwards from the end or from a revision', async () => {
        expect(await revisions({ direction: 'backwards' })).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
        expect(await revisions({ direction: 'backwards', fromRevision: 5, maxCount: 3 })).toEqual([5, 4, 3]);
        expect(await revisions({ direction: 'backwards', maxCount: 1 })).toEqual([9]);
      });

      it('reads a missing stream as empty', async () => {
        expect(await store.readStream(uniqueStream())).toEqual([]);
      });
    });

    describe('readAll', () => {
      it('reads the log in position order after a position, filtered by stream prefix', async () => {
        const prefix = `contract${suffix()}-`;
        const appended: number[] = [];
        for (let i = 0; i < 4; i++) appended.push((await store.append(`${prefix}${i}`, events(1))).position);
        await store.append(uniqueStream(), events(1));

        const all = await readAllToArray({ filter: { streamPrefixes: [prefix] } });
        expect(all.map((e) => e.stream)).toEqual([0, 1, 2, 3].map((i) => `${prefix}${i}`));
        expect(all.map((e) => e.position)).toEqual(appended);

        const after = await readAllToArray({ after: appended[1], filter: { streamPrefixes: [prefix] } });
        expect(after.map((e) => e.position)).toEqual(appended.slice(2));
        const limited = await readAllToArray({ after: appended[0], maxCount: 2, filter: { streamPrefixes: [prefix] } });
        expect(limited.map((e) => e.position)).toEqual(appended.slice(1, 3));
      });

      it('filters by event type', async () => {
        const wanted = `contract.wanted-${suffix()}.v1`;
        const stream = uniqueStream();
        await store.append(stream, [anEvent(wanted), anEvent('contract.other.v1'), anEvent(wanted)]);

        const read = await readAllToArray({ filter: { eventTypes: [wanted] } });

        expect(read.map((e) => [e.stream, e.revision])).toEqual([
          [stream, 0],
          [stream, 2],
        ]);
      });

      it('reads without a filter in strictly increasing positions', async () => {
        const before = await store.headPosition();
        const stream = uniqueStream();
        await store.append(stream, events(3));
        const read = await readAllToArray({ after: before });
        expect(read.filter((e) => e.stream === stream).map((e) => e.revision)).toEqual([0, 1, 2]);
        expectIncreasing(read.map((e) => e.position));
        expect(read.every((e) => e.position > before)).toBe(true);
      });
    });

    describe('subscribeToAll', () => {
      it('yields history, resolves caughtUp, then turns live, honouring the filter', async () => {
        const prefix = `contract${suffix()}-`;
        const before = await store.headPosition();
        await store.append(`${prefix}a`, events(2));
        await store.append(uniqueStream(), events(1));
        const subscription = store.subscribeToAll({ from: { after: before }, filter: { streamPrefixes: [prefix] } });
        const seen = collect(subscription);

        await subscription.caughtUp;
        await seen.waitFor(2);
        await store.append(`${prefix}b`, events(1));
        await store.append(uniqueStream(), events(1));
        await store.append(`${prefix}a`, events(1));
        await seen.waitFor(4);
        await subscription.close();
        await seen.ended;

        expect(seen.items.map((e) => [e.stream, e.revision])).toEqual([
          [`${prefix}a`, 0],
          [`${prefix}a`, 1],
          [`${prefix}b`, 0],
          [`${prefix}a`, 2],
        ]);
        expectIncreasing(seen.items.map((e) => e.position));
      });

      it('starts at the end when asked, and filters by event type', async () => {
        const type = `contract.live-${suffix()}.v1`;
        const stream = uniqueStream();
        await store.append(stream, [anEvent(type)]);
        const subscription = store.subscribeToAll({ from: 'end', filter: { eventTypes: [type] } });
        const seen = collect(subscription);
        await subscription.caughtUp;

        await store.append(stream, [anEvent('contract.other.v1'), anEvent(type)]);
        await seen.waitFor(1);
        await subscription.close();
        await seen.ended;

        expect(seen.items.map((e) => e.revision)).toEqual([2]);
      });

      it('resolves caughtUp when nothing matches, and ends iteration on close', async () => {
        const subscription = store.subscribeToAll({
          from: 'start',
          filter: { streamPrefixes: [`contract-none-${suffix()}`] },
        });
        const seen = collect(subscription);
        await subscription.caughtUp;
        await subscription.close();
        await seen.ended;
        expect(seen.items).toEqual([]);
      });
    });

    describe('consumer groups', () => {
      const newGroup = async (options: { maxRetries?: number; messageTimeoutMs?: number } = {}) => {
        const group = `contract-${suffix()}`;
        const prefix = `contract${suffix()}-`;
        const from = { after: await store.headPosition() };
        await store.ensureConsumerGroup(group, { filter: { streamPrefixes: [prefix] }, from, ...options });
        return { group, prefix };
      };

      it('ensureConsumerGroup is idempotent', async () => {
        const { group, prefix } = await newGroup();
        await store.ensureConsumerGroup(group, { filter: { streamPrefixes: [prefix] }, from: 'start' });
        const member = store.subscribeToGroup(group);
        const seen = collect(member);
        await store.append(`${prefix}x`, events(1));
        const [message] = await seen.waitFor(1);
        expect(message.event.stream).toBe(`${prefix}x`);
        await message.ack();
        await member.close();
      });

      it('ensureConsumerGroup brings an existing group in line: settings updated, a changed filter applied to what follows', async () => {
        const group = `contract-${suffix()}`;
        const [old, added] = [`contract${suffix()}-`, `contract${suffix()}-`];
        const from = { after: await store.headPosition() };
        expect(await store.ensureConsumerGroup(group, { filter: { streamPrefixes: [old] }, from })).toEqual({ outcome: 'created', changes: [] });
        expect(await store.ensureConsumerGroup(group, { filter: { streamPrefixes: [old] }, from })).toEqual({ outcome: 'unchanged', changes: [] });
        expect(await store.ensureConsumerGroup(group, { filter: { streamPrefixes: [old] }, from, maxRetries: 2 })).toEqual({ outcome: 'updated', changes: ['maxRetries'] });

        // The deployment reads another prefix now: the group follows it (KurrentDB: made again).
        const changed = await store.ensureConsumerGroup(group, { filter: { streamPrefixes: [added] }, from, maxRetries: 2 });
        expect(['updated', 'recreated']).toContain(changed.outcome);
        expect(changed.changes).toEqual(['filter']);
        expect(await store.ensureConsumerGroup(group, { filter: { streamPrefixes: [added] }, from, maxRetries: 2 })).toEqual({ outcome: 'unchanged', changes: [] });

        const member = store.subscribeToGroup(group);
        const seen = collect(member, (message) => void message.ack());
        await store.append(`${old}s`, events(1, 'contract.old-filter.v1'));
        await store.append(`${added}s`, events(1, 'contract.new-filter.v1'));
        await seen.waitFor(1);
        await new Promise((resolve) => setTimeout(resolve, 200)); // time for a wrong delivery to show
        await member.close();
        expect(seen.items.map((message) => message.event.type)).toEqual(['contract.new-filter.v1']);
      });

      it('shares events between competing consumers, each event to one of them', async () => {
        const { group, prefix } = await newGroup();
        const members = [store.subscribeToGroup(group), store.subscribeToGroup(group)];
        const seen = members.map((member) => collect(member, (message) => void message.ack()));
        const stream = `${prefix}s`;
        await store.append(stream, events(20));

        await waitUntil(() => seen[0].items.length + seen[1].items.length >= 20);
        await Promise.all(members.map((member) => member.close()));

        const ids = seen.flatMap((s) => s.items.map((m) => m.event.id));
        expect(new Set(ids).size).toBe(20);
        expect(ids).toHaveLength(20);
        expect(seen[0].items.length).toBeGreaterThan(0);
        expect(seen[1].items.length).toBeGreaterThan(0);
      });

      it('with the pinned-by-stream strategy, gives all the events of a stream to one member', async () => {
        const group = `contract-${suffix()}`;
        const prefix = `contract${suffix()}-`;
        const from = { after: await store.headPosition() };
        await store.ensureConsumerGroup(group, { filter: { streamPrefixes: [prefix] }, from, strategy: 'pinned-by-stream' });
        const members = [store.subscribeToGroup(group), store.subscribeToGroup(group)];
        const seen = members.map((member) => collect(member, (message) => void message.ack()));
        await new Promise((resolve) => setTimeout(resolve, 200)); // both have joined
        const streams = Array.from({ length: 13 }, () => uniqueStream(prefix.slice(0, -1)));
        for (let round = 0; round < 3; round++) for (const stream of streams) await store.append(stream, events(1));

        await waitUntil(() => seen[0].items.length + seen[1].items.length >= streams.length * 3);
        await Promise.all(members.map((member) => member.close()));

        const streamsOf = seen.map((s) => new Set(s.items.map((m) => m.event.stream)));
        expect(streamsOf[0].size).toBeGreaterThan(0);
        expect(streamsOf[1].size).toBeGreaterThan(0);
        expect(streamsOf[0].size + streamsOf[1].size).toBe(streams.length); // no stream went to both
      });

      it('does not deliver acked events again: a new member resumes after the checkpoint', async () => {
        const { group, prefix } = await newGroup();
        const first = store.subscribeToGroup(group);
        const seen = collect(first);
        await store.append(`${prefix}s`, events(3));
        for (const message of await seen.waitFor(3)) await message.ack();
        await first.close();

        await store.append(`${prefix}s`, events(1, 'contract.after-restart.v1'));
        const second = store.subscribeToGroup(group);
        const resumed = collect(second);
        const [next] = await resumed.waitFor(1);
        expect([next.event.type, next.event.revision, next.retryCount]).toEqual(['contract.after-restart.v1', 3, 0]);
        await next.ack();
        await second.close();
      });

      it('redelivers an event nacked for retry, counting the retries', async () => {
        const { group, prefix } = await newGroup();
        const member = store.subscribeToGroup(group);
        const seen = collect(member);
        await store.append(`${prefix}s`, events(1));

        const [first] = await seen.waitFor(1);
        expect(first.retryCount).toBe(0);
        await first.nack('retry', 'downstream unavailable');
        const [, again] = await seen.waitFor(2);

        expect(again.event.id).toBe(first.event.id);
        expect(again.retryCount).toBe(1);
        await again.ack();
        await member.close();
      });

      it('redelivers an event that is not acked within messageTimeoutMs', async () => {
        const { group, prefix } = await newGroup({ messageTimeoutMs: 200 });
        const member = store.subscribeToGroup(group);
        const seen = collect(member);
        await store.append(`${prefix}s`, events(1));

        const [first, again] = await seen.waitFor(2);

        expect(again.event.id).toBe(first.event.id);
        expect(again.retryCount).toBeGreaterThanOrEqual(1);
        await again.ack();
        await member.close();
      });

      it('parks an event after maxRetries deliveries, and readParked returns it', async () => {
        const { group, prefix } = await newGroup({ maxRetries: 3 });
        const member = store.subscribeToGroup(group);
        const seen = collect(member, (message) =>
          message.event.type === 'contract.failing.v1' ? void message.nack('retry', 'always failing') : void message.ack(),
        );
        await store.append(`${prefix}s`, events(1, 'contract.failing.v1'));
        const [failing] = await store.readStream(`${prefix}s`);

        await waitUntil(async () => (await store.readParked(group)).length > 0);
        await store.append(`${prefix}s`, events(1, 'contract.marker.v1'));
        await waitUntil(() => seen.items.some((m) => m.event.type === 'contract.marker.v1'));
        await member.close();

        const deliveries = seen.items.filter((m) => m.event.id === failing.id);
        expect(deliveries.map((m) => m.retryCount)).toEqual([0, 1, 2]);
        const parked = await store.readParked(group);
        expect(parked.map((e) => [e.id, e.stream, e.revision, e.data])).toEqual([
          [failing.id, failing.stream, 0, failing.data],
        ]);
      });

      it('parks on nack(park) and drops on nack(skip), oldest parked first', async () => {
        const { group, prefix } = await newGroup();
        const member = store.subscribeToGroup(group);
        const seen = collect(member);
        await store.append(`${prefix}s`, [anEvent('contract.park.v1'), anEvent('contract.skip.v1'), anEvent('contract.park.v1')]);

        for (const message of await seen.waitFor(3)) {
          await message.nack(message.event.type === 'contract.park.v1' ? 'park' : 'skip', 'poison');
        }
        await store.append(`${prefix}s`, events(1, 'contract.marker.v1'));
        const [, , , marker] = await seen.waitFor(4);
        expect(marker.event.type).toBe('contract.marker.v1');
        await marker.ack();
        await member.close();

        await waitUntil(async () => (await store.readParked(group)).length >= 2);
        expect((await store.readParked(group)).map((e) => e.revision)).toEqual([0, 2]);
      });
    });
  });
};

interface Collected<T> {
  items: T[];
  waitFor(count: number): Promise<T[]>;
  /** Settles when iteration ended (after close). */
  ended: Promise<void>;
}

/** Iterates a subscription in the background, keeping what it yields. */
export const collect = <T>(subscription: AsyncIterable<T>, onItem?: (item: T) => void): Collected<T> => {
  const items: T[] = [];
  let failure: unknown;
  const ended = (async () => {
    try {
      for await (const item of subscription) {
        items.push(item);
        onItem?.(item);
      }
    } catch (error) {
      failure = error;
    }
  })();
  return {
    items,
    ended,
    waitFor: async (count) => {
      await waitUntil(() => {
        if (failure) throw failure;
        return items.length >= count;
      });
      return items.slice(0, count);
    },
  };
};

export const waitUntil = async (condition: () => boolean | Promise<boolean>, timeoutMs = WAIT_MS): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
