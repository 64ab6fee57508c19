import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { cp, readdir, readFile, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FaultyWriteOps as FaultyOps } from '../../testing/faulty-write-ops';
import { makeTempDir, removeDir } from '../../testing/services';
import { StorageUnavailableError, WrongExpectedRevisionError, type EventToAppend, type GroupMessage, type RecordedEvent } from '../event-store.port';
import { EmbeddedEventStore } from './embedded-event-store';
import type { LogWriteOps } from './log-file';

/**
 * Write and fsync failures injected under the embedded log: the writer refuses what it could not
 * make durable with StorageUnavailableError, leaves no byte of it in the file, hands its
 * positions out again, keeps reads going, and resumes by itself once the file can write.
 */

const anEvent = (n: number, id: string = randomUUID()): EventToAppend => ({
  id,
  type: 'test.happened.v1',
  data: { n, padding: 'x'.repeat(3000) },
  metadata: { actorId: 'user-1', correlationId: 'c-1', causationId: 'c-1', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 },
});

const readAll = async (store: EmbeddedEventStore): Promise<RecordedEvent[]> => {
  const read: RecordedEvent[] = [];
  for await (const event of store.readAll()) read.push(event);
  return read;
};

const waitUntil = async (what: string, condition: () => boolean, timeoutMs = 5000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const writable = (store: EmbeddedEventStore): boolean => {
  try {
    store.assertWritable();
    return true;
  } catch (error) {
    if (error instanceof StorageUnavailableError) return false;
    throw error;
  }
};

describe('EmbeddedEventStore storage faults', () => {
  // The writer logs each outage and recovery; the assertions here are on what the store does.
  beforeAll(() => Logger.overrideLogger(false));
  let dataDir: string;
  let ops: FaultyOps;
  let store: EmbeddedEventStore | undefined;
  const logPath = (): string => join(dataDir, 'eventstore', 'events.log');
  const open = async (withOps: LogWriteOps | undefined = ops): Promise<EmbeddedEventStore> => {
    store = await EmbeddedEventStore.open({ dataDir, writeOps: withOps, writeRetry: { initialMs: 20, maxMs: 50, probeBytes: 4096 } });
    return store;
  };

  beforeEach(async () => {
    dataDir = await makeTempDir('storage-faults');
    ops = new FaultyOps();
    await open();
  });

  afterEach(async () => {
    await store?.close();
    store = undefined;
    await removeDir(dataDir);
  });

  /** Appends `event` with the write gated, waits until its write has started, then returns its promise. */
  const appendInFlight = async (s: EmbeddedEventStore, stream: string, event: EventToAppend, release: Promise<void>) => {
    const started = new Promise<void>((resolve) => (ops.writeStarted = resolve));
    ops.gate = release;
    const pending = s.append(stream, [event], { expectedRevision: 0 });
    pending.catch(() => undefined);
    await started;
    ops.writeStarted = undefined;
    return { pending };
  };

  it('refuses an append counting on one in flight (expectedEventId) with it, and one counting on it afterwards even at the same revision', async () => {
    const s = store as EmbeddedEventStore;
    await s.append('room-1', [anEvent(1)], { expectedRevision: 'no_stream' });
    ops.datasyncFault = 'EIO';
    let release!: () => void;
    const lost = anEvent(2);
    const { pending: inFlight } = await appendInFlight(s, 'room-1', lost, new Promise<void>((resolve) => (release = resolve)));
    const next = anEvent(3);
    const built = s.append('room-1', [next], { expectedRevision: 1, expectedEventId: lost.id });
    built.catch(() => undefined);
    ops.gate = undefined;
    release();
    await expect(inFlight).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(built).rejects.toBeInstanceOf(StorageUnavailableError);

    ops.datasyncFault = undefined;
    await waitUntil('the log can write again', () => writable(s));
    // Another writer takes revision 1; an append still counting on the lost event is refused there.
    await s.append('room-1', [anEvent(4)], { expectedRevision: 0 });
    await expect(s.append('room-1', [next], { expectedRevision: 1, expectedEventId: lost.id })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect((await s.readStream('room-1')).map((e) => (e.data as { n: number }).n)).toEqual([1, 4]);
  });

  it.each([
    ['a short write then ENOSPC', (o: FaultyOps) => (o.writeFault = 'ENOSPC')],
    ['a failed fdatasync (EIO)', (o: FaultyOps) => (o.datasyncFault = 'EIO')],
  ])('after %s: refuses the batch and everything queued behind it, leaves no byte of it, and resumes by itself', async (_name, arm) => {
    const s = store as EmbeddedEventStore;
    const seen: RecordedEvent[] = [];
    const subscription = s.subscribeToAll({ from: 'start' });
    void (async () => {
      for await (const event of subscription) seen.push(event);
    })();

    const first = await s.append('orders-1', [anEvent(1)], { expectedRevision: 'no_stream' });
    expect(first.position).toBe(1);
    const durableBytes = await readFile(logPath());

    arm(ops);
    let release!: () => void;
    const failedB = anEvent(2);
    const { pending: inFlight } = await appendInFlight(s, 'orders-1', failedB, new Promise<void>((resolve) => (release = resolve)));
    // Queued behind the batch in flight: its revision and position were claimed at enqueue time.
    const queued = s.appendMulti([
      { stream: 'orders-1', events: [anEvent(3)], expectedRevision: 1 },
      { stream: 'orders-2', events: [anEvent(4)], expectedRevision: 'no_stream' },
    ]);
    queued.catch(() => undefined);
    ops.gate = undefined;
    release();

    await expect(inFlight).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(queued).rejects.toBeInstanceOf(StorageUnavailableError);
    const refused: unknown = await inFlight.catch((error: unknown) => error);
    expect((refused as StorageUnavailableError).retryAfterSeconds).toBeGreaterThanOrEqual(1);

    // While it cannot write: appends are refused at once, without claiming anything; reads go on.
    expect(writable(s)).toBe(false);
    await expect(s.append('orders-3', [anEvent(5)])).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(await s.headPosition()).toBe(1);
    expect((await s.readStream('orders-1')).map((e) => e.data)).toEqual([expect.objectContaining({ n: 1 })]);
    expect(await s.readStream('orders-2')).toEqual([]);
    expect((await readAll(s)).map((e) => e.position)).toEqual([1]);
    // Recovery keeps failing while the fault lasts.
    const writesBefore = ops.calls.write + ops.calls.datasync;
    await waitUntil('recovery has been tried', () => ops.calls.write + ops.calls.datasync > writesBefore + 1);
    expect(writable(s)).toBe(false);

    ops.writeFault = undefined;
    ops.datasyncFault = undefined;
    await waitUntil('the log can write again', () => writable(s));

    // Not a byte of the refused appends is in the file.
    expect((await readFile(logPath())).equals(durableBytes)).toBe(true);

    // Their revisions and positions are handed out again; the refused event's id is not taken
    // for a write that happened, so its retry is written now.
    const retried = await s.append('orders-1', [failedB], { expectedRevision: 'any' });
    expect(retried).toEqual({ stream: 'orders-1', nextRevision: 1, position: 2 });
    const next = await s.append('orders-2', [anEvent(6)], { expectedRevision: 'no_stream' });
    expect(next.position).toBe(3);

    await waitUntil('the subscriber has caught up', () => seen.length >= 3);
    expect(seen.map((e) => [e.position, (e.data as { n: number }).n])).toEqual([
      [1, 1],
      [2, 2],
      [3, 6],
    ]);
    await subscription.close();

    // A restart finds exactly the acknowledged events.
    await s.close();
    const reopened = await open(undefined);
    expect(reopened.openReport?.tornTail).toBeUndefined();
    expect((await readAll(reopened)).map((e) => [e.position, e.stream, e.revision, (e.data as { n: number }).n])).toEqual([
      [1, 'orders-1', 0, 1],
      [2, 'orders-1', 1, 2],
      [3, 'orders-2', 0, 6],
    ]);
    expect((await reopened.append('orders-2', [anEvent(7)], { expectedRevision: 0 })).position).toBe(4);
  });

  it('stays unavailable while even cutting the file back fails, and recovers once that succeeds', async () => {
    const s = store as EmbeddedEventStore;
    await s.append('orders-1', [anEvent(1)]);
    const durableBytes = await readFile(logPath());
    ops.writeFault = 'EIO';
    ops.truncateFault = 'EIO';
    await expect(s.append('orders-1', [anEvent(2)])).rejects.toBeInstanceOf(StorageUnavailableError);
    ops.writeFault = undefined;
    await waitUntil('several recovery attempts', () => ops.calls.truncate >= 3);
    expect(writable(s)).toBe(false);
    // The half-written frame is still on disk, past the durable end, and nothing was written after it.
    expect((await readFile(logPath())).length).toBeGreaterThan(durableBytes.length);

    ops.truncateFault = undefined;
    await waitUntil('the log can write again', () => writable(s));
    expect((await readFile(logPath())).equals(durableBytes)).toBe(true);
    expect((await s.append('orders-1', [anEvent(3)])).position).toBe(2);
    expect(s.writerStats.outages).toBe(1);
  });

  it('lets a recovery in progress finish before close, leaving no file handle open', async () => {
    const s = store as EmbeddedEventStore;
    await s.append('orders-1', [anEvent(1)]);
    ops.writeFault = 'ENOSPC';
    await expect(s.append('orders-1', [anEvent(2)])).rejects.toBeInstanceOf(StorageUnavailableError);
    ops.writeFault = undefined;
    let release!: () => void;
    ops.truncateGate = new Promise<void>((resolve) => (release = resolve));
    await new Promise<void>((resolve) => (ops.truncateStarted = resolve));
    ops.truncateStarted = undefined;
    const closing = s.close();
    release();
    await closing;
    store = undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const open = await Promise.all(
      (await readdir('/proc/self/fd')).map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')),
    );
    expect(open.filter((target) => target === logPath())).toEqual([]);
  });

  it('parks an event for a consumer group once the log can write again, instead of leaving it stuck', async () => {
    const s = store as EmbeddedEventStore;
    await s.ensureConsumerGroup('mailer', { from: 'start' });
    const member = s.subscribeToGroup('mailer');
    const delivered = member[Symbol.asyncIterator]();
    const poison = await s.append('orders-1', [anEvent(1)]);
    const message = (await delivered.next()).value as GroupMessage;
    expect(message.event.position).toBe(poison.position);

    ops.writeFault = 'ENOSPC';
    await message.nack('park', 'cannot be handled');
    expect(await s.readParked('mailer')).toEqual([]);
    ops.writeFault = undefined;
    await waitUntil('the log can write again', () => writable(s));

    const deadline = Date.now() + 5000;
    let parked: RecordedEvent[] = [];
    while (parked.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      parked = await s.readParked('mailer');
    }
    expect(parked.map((event) => event.position)).toEqual([poison.position]);
    // Parked is settled: the next event is delivered past it.
    const after = await s.append('orders-1', [anEvent(2)]);
    expect(((await delivered.next()).value as GroupMessage).event.position).toBe(after.position);
    await member.close();
  });

  it('answers a conflict with a queued append that then fails as the storage error, not as a conflict', async () => {
    const s = store as EmbeddedEventStore;
    await s.append('orders-1', [anEvent(1)], { expectedRevision: 'no_stream' });
    ops.writeFault = 'ENOSPC';
    let release!: () => void;
    const { pending: inFlight } = await appendInFlight(s, 'orders-1', anEvent(2), new Promise<void>((resolve) => (release = resolve)));
    // Expects revision 0, but the queued append will make it 1: a conflict with something not durable.
    const loser = s.append('orders-1', [anEvent(3)], { expectedRevision: 0 });
    loser.catch(() => undefined);
    ops.gate = undefined;
    release();
    await expect(inFlight).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(loser).rejects.toBeInstanceOf(StorageUnavailableError);
  });

  it('cuts what it refused off the file at once, so a crash during the outage does not bring it back', async () => {
    await store?.close();
    // Recovery attempts after the first are 10 s apart: only the immediate first one can cut in time.
    const s = await EmbeddedEventStore.open({ dataDir, writeOps: ops, writeRetry: { initialMs: 10_000, maxMs: 10_000, probeBytes: 4096 } });
    store = s;
    await s.append('orders-1', [anEvent(1)], { expectedRevision: 'no_stream' });
    const durableSize = (await stat(logPath())).size;
    ops.datasyncFault = 'EIO';
    await expect(s.append('orders-2', [anEvent(2)])).rejects.toBeInstanceOf(StorageUnavailableError);
    await waitUntil('the refused frame is cut off', () => ops.calls.truncate > 0, 2000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await stat(logPath())).size).toBe(durableSize);
    // As kill -9 now would leave it: the folder as it is, with the lock of a dead process removed.
    const copy = await makeTempDir('storage-faults-copy');
    try {
      await cp(dataDir, copy, { recursive: true });
      await rm(join(copy, 'eventstore', 'LOCK'), { force: true });
      const reopened = await EmbeddedEventStore.open({ dataDir: copy });
      expect((await readAll(reopened)).map((event) => event.stream)).toEqual(['orders-1']);
      await reopened.close();
    } finally {
      await removeDir(copy);
    }
    ops.datasyncFault = undefined;
  });

  it('opens a log whose clean close recorded an end before some valid frames without those frames, keeping them aside', async () => {
    const s = store as EmbeddedEventStore;
    await s.append('orders-1', [anEvent(1)], { expectedRevision: 'no_stream' });
    await s.close();
    store = undefined;
    const cleanAfterFirst = await readFile(`${logPath()}.clean`);
    const again = await open(undefined);
    await again.append('orders-2', [anEvent(2)]);
    await again.close();
    store = undefined;
    // As a close during a storage outage leaves it: the refused frame still in the file, past the
    // end the clean close recorded.
    await writeFile(`${logPath()}.clean`, cleanAfterFirst);
    const reopened = await open(undefined);
    expect((await readAll(reopened)).map((event) => event.data)).toEqual([expect.objectContaining({ n: 1 })]);
    expect((await readdir(join(dataDir, 'eventstore'))).filter((name) => name.startsWith('events.log.torn-'))).toHaveLength(1);
  });
});
