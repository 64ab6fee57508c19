import { Logger } from '@nestjs/common';
import { queueStream, type WaitingRoomEvent } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';
import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import { StorageUnavailableError, WrongExpectedRevisionError, type AppendOptions, type EventStore, type EventToAppend } from '@tessera/platform/event-store/event-store.port';
import { Metrics } from '@tessera/platform/observability/metrics';
import { FaultyWriteOps } from '@tessera/platform/testing/faulty-write-ops';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { Clock } from '@tessera/platform/time/clock';
import { randomUUID } from 'node:crypto';
import { WaitingRooms, type JoinedPlace } from './waiting-rooms';

/**
 * WaitingRooms' lane over the real embedded log, its writes held at will (FaultyWriteOps' gate):
 * the next batch is decided and appended while the one before is still being written, counting
 * on it (expectedEventId); a conflict from another instance, or a failed write, makes the batches
 * that counted on it decide again (or fail with it), keeping one place per account and the order
 * of arrival.
 */

class ManualClock extends Clock {
  constructor(public ms: number) {
    super();
  }
  now(): Date {
    return new Date(this.ms);
  }
}

const T0 = Date.parse('2030-01-01T10:00:00.000Z');
const OPENS_AT = new Date(T0 + 60_000).toISOString();
const SHOW = 'show-1';
const STREAM = queueStream(SHOW);

interface AppendCall {
  events: string[];
  options: AppendOptions;
  outcome?: 'appended' | 'refused';
}

/** The store as WaitingRooms sees it, every append recorded with its options and outcome. */
const recording = (store: EventStore): { store: EventStore; calls: AppendCall[] } => {
  const calls: AppendCall[] = [];
  const proxy = new Proxy(store, {
    get(target, property) {
      if (property === 'append') {
        return (stream: string, events: EventToAppend[], options: AppendOptions = {}) => {
          const call: AppendCall = { events: events.map((e) => (e.data as { userId?: string }).userId ?? e.type), options };
          calls.push(call);
          const appended = target.append(stream, events, options);
          appended.then(
            () => (call.outcome = 'appended'),
            () => (call.outcome = 'refused'),
          );
          return appended;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: proxy, calls };
};

const turns = async (n = 5): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

const waitUntil = async (what: string, condition: () => boolean, timeoutMs = 5000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('WaitingRooms: pipelined batches of joins', () => {
  beforeAll(() => Logger.overrideLogger(false));
  let dataDir: string;
  let ops: FaultyWriteOps;
  let log: EmbeddedEventStore;
  let clock: ManualClock;

  const context = (userId: string): CommandContext => ({ actorId: userId, correlationId: randomUUID(), causationId: randomUUID(), now: clock.now() });
  const joinAs = (rooms: WaitingRooms, userId: string): Promise<JoinedPlace> => rooms.join(SHOW, userId, randomUUID(), context(userId));
  const roomsOver = (store: EventStore): WaitingRooms => new WaitingRooms(store, clock, new Metrics());
  const joinedInLog = async (): Promise<{ userId: string; queueId: string }[]> =>
    (await log.readStream(STREAM))
      .map((e) => ({ type: e.type, data: e.data }) as WaitingRoomEvent)
      .flatMap((e) => (e.type === 'waiting_room.joined.v1' ? [{ userId: e.data.userId, queueId: e.data.queueId }] : []));
  /** Holds the next write until `release`; resolves once it has started. */
  const holdWrites = async (): Promise<{ release: () => void; started: Promise<void> }> => {
    let release!: () => void;
    ops.gate = new Promise<void>((resolve) => (release = resolve));
    const started = new Promise<void>((resolve) => (ops.writeStarted = resolve));
    return {
      release: () => {
        ops.gate = undefined;
        ops.writeStarted = undefined;
        release();
      },
      started,
    };
  };

  beforeEach(async () => {
    dataDir = await makeTempDir('waiting-rooms');
    ops = new FaultyWriteOps();
    log = await EmbeddedEventStore.open({ dataDir, writeOps: ops, writeRetry: { initialMs: 20, maxMs: 50, probeBytes: 4096 } });
    clock = new ManualClock(T0);
    await log.append(
      STREAM,
      [
        {
          id: randomUUID(),
          type: 'waiting_room.configured.v1',
          data: { showId: SHOW, enabled: true, opensAt: OPENS_AT, admitPerMinute: 60, tokenMinutes: 5, seed: 'seed-1', byAdminId: 'admin-1' },
          metadata: { actorId: 'admin-1', correlationId: 'c', causationId: 'c', occurredAt: new Date(T0).toISOString(), schemaVersion: 1 },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
  });

  afterEach(async () => {
    ops.gate = undefined;
    await log.close();
    await removeDir(dataDir);
  });

  it('appends the next batch while the one before is still being written, counting on its last event, and answers both once durable', async () => {
    const { store, calls } = recording(log);
    const rooms = roomsOver(store);
    const held = await holdWrites();
    const first = joinAs(rooms, 'fan-1');
    await held.started; // the first batch's write has begun and waits
    const later = [joinAs(rooms, 'fan-2'), joinAs(rooms, 'fan-1'), joinAs(rooms, 'fan-3')];
    await waitUntil('the second batch is appended', () => calls.length === 2, 1000);
    expect(calls.map((call) => call.outcome)).toEqual([undefined, undefined]);
    expect(calls[1]).toMatchObject({ events: ['fan-2', 'fan-3'], options: { expectedRevision: 1, expectedEventId: expect.any(String) } });

    held.release();
    const [one, two, oneAgain, three] = await Promise.all([first, ...later]);
    const joined = await joinedInLog();
    expect(joined.map((place) => place.userId)).toEqual(['fan-1', 'fan-2', 'fan-3']);
    expect(calls[1].options.expectedEventId).toBe((await log.readStream(STREAM))[1].id);
    // One place per account: the repeat, decided while the first place was in flight, has it.
    expect(oneAgain.queueId).toBe(one.queueId);
    expect([one, two, three].map((place) => place.queueId)).toEqual(joined.map((place) => place.queueId));
    const view = await rooms.view(SHOW);
    expect(joined.map((place) => view.standing(place.queueId, clock.now())?.position).sort()).toEqual([1, 2, 3]);
    expect(two.logPosition).toBeGreaterThan(one.logPosition);
  });

  it('decides again, in order of arrival, a batch that met another instance\'s append and the batch sent on top of it; one place per account', async () => {
    const a = recording(log);
    const roomsA = roomsOver(a.store);
    const roomsB = roomsOver(log);
    await Promise.all([roomsA.view(SHOW), roomsB.view(SHOW)]); // both see the room at revision 0
    const held = await holdWrites();
    const fromB = [joinAs(roomsB, 'fan-x'), joinAs(roomsB, 'fan-dup')];
    await held.started; // B's place is queued at revision 1, not yet durable
    const fromA = [joinAs(roomsA, 'fan-a1'), joinAs(roomsA, 'fan-dup')];
    await waitUntil('A has appended its first batch', () => a.calls.length === 1, 1000);
    await turns();
    const laterA = joinAs(roomsA, 'fan-a2');
    // A's second batch counts on its first, which the log refused (B took revision 1): it is
    // refused too, though B's append brings the stream to the revision it names.
    await waitUntil('A has appended its second batch', () => a.calls.length === 2, 1000);
    expect(a.calls[1]).toMatchObject({ events: ['fan-a2'], options: { expectedRevision: 2, expectedEventId: expect.any(String) } });
    held.release();

    const [x, dupB] = await Promise.all(fromB);
    const [a1, dupA] = await Promise.all(fromA);
    const a2 = await laterA;
    expect(a.calls.slice(0, 2).map((call) => call.outcome)).toEqual(['refused', 'refused']);
    const joined = await joinedInLog();
    expect(joined.map((place) => place.userId)).toEqual(['fan-x', 'fan-dup', 'fan-a1', 'fan-a2']);
    expect(dupA.queueId).toBe(dupB.queueId);
    expect([x, dupB, a1, a2].map((place) => place.queueId)).toEqual(joined.map((place) => place.queueId));
  });

  it('refuses, with the storage error, a batch whose write failed and the batch sent on top of it, and places later joins after what the log has', async () => {
    const { store } = recording(log);
    const rooms = roomsOver(store);
    ops.datasyncFault = 'EIO';
    const held = await holdWrites();
    const lost = joinAs(rooms, 'fan-1');
    lost.catch(() => undefined);
    await held.started;
    const alsoLost = joinAs(rooms, 'fan-2');
    alsoLost.catch(() => undefined);
    await turns();
    held.release();
    await expect(lost).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(alsoLost).rejects.toBeInstanceOf(StorageUnavailableError);

    ops.datasyncFault = undefined;
    await waitUntil('the log can write again', () => {
      try {
        log.assertWritable();
        return true;
      } catch {
        return false;
      }
    });
    const [three, two] = await Promise.all([joinAs(rooms, 'fan-3'), joinAs(rooms, 'fan-2')]);
    expect((await joinedInLog()).map((place) => place.userId)).toEqual(['fan-3', 'fan-2']);
    expect([three.position, two.position].sort()).toEqual([1, 2]);
  });

  it('decides an admission tick behind the joins in flight, against their places, instead of conflicting with them', async () => {
    const { store, calls } = recording(log);
    const rooms = roomsOver(store);
    const held = await holdWrites();
    const early = joinAs(rooms, 'fan-1');
    await held.started;
    clock.ms = Date.parse(OPENS_AT) + 1500;
    const admitted = rooms.admit(SHOW, clock.now());
    await waitUntil('the admission is appended', () => calls.length === 2, 1000);
    held.release();
    const place = await early;
    expect(await admitted).toBeNull(); // nobody else waits
    expect(calls.map((call) => call.outcome)).toEqual(['appended', 'appended']);
    expect((await log.readStream(STREAM)).map((e) => e.type)).toEqual(['waiting_room.configured.v1', 'waiting_room.joined.v1', 'waiting_room.admitted.v1']);
    // The view took the admission as appended, with its time (the token's expiry counts from it).
    const view = await rooms.view(SHOW);
    expect(view.standing(place.queueId, clock.now())).toMatchObject({ admitted: true, position: 0, admittedAt: clock.now().toISOString() });
  });

  it('gives up with CONCURRENCY_CONFLICT after ten conflicts in a row', async () => {
    let appends = 0;
    const conflicting = new Proxy(log as EventStore, {
      get(target, property) {
        if (property === 'append') {
          return () => {
            appends++;
            return Promise.reject(new WrongExpectedRevisionError([{ stream: STREAM, expected: 0, actual: 1 }]));
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const rooms = roomsOver(conflicting);
    await expect(joinAs(rooms, 'fan-1')).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT' });
    expect(appends).toBe(10);
  });
});
