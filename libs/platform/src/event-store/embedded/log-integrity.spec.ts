import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, open, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir, removeDir } from '../../testing/services';
import type { EventToAppend, RecordedEvent } from '../event-store.port';
import { EmbeddedEventStore, LOG_REPAIR_STREAM, LogCorruptedError, PositionNotInLogError, repairLog, verifyLog } from '.';
import { scanLog } from './log-scan';

const anEvent = (data: Record<string, unknown> = {}): EventToAppend => ({
  id: randomUUID(),
  type: 'test.happened.v1',
  data,
  metadata: { actorId: 'user-1', correlationId: 'c-1', causationId: 'c-1', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 },
});

const readAll = async (store: EmbeddedEventStore): Promise<RecordedEvent[]> => {
  const read: RecordedEvent[] = [];
  for await (const event of store.readAll()) read.push(event);
  return read;
};

/** Frame layout offsets: magic 0, length 4, crc 8, body 12 (event count), first entry 16. */
const FIELD = { magic: 1, length: 5, crc: 9, body: 60 } as const;

describe('embedded log integrity', () => {
  let dataDir: string;
  const logPath = (): string => join(dataDir, 'eventstore', 'events.log');

  /** Five appends to stream `s`, one frame each; returns each frame's start and the file's end. */
  const fiveFrames = async (): Promise<{ starts: number[]; end: number }> => {
    const store = await EmbeddedEventStore.open({ dataDir });
    const starts: number[] = [];
    for (let n = 0; n < 5; n++) {
      starts.push((await stat(logPath())).size);
      await store.append('s', [anEvent({ n, padding: 'x'.repeat(80) })]);
    }
    await store.close();
    return { starts, end: (await stat(logPath())).size };
  };

  const flip = async (offset: number): Promise<void> => {
    const bytes = await readFile(logPath());
    bytes[offset] ^= 0x5a;
    await writeFile(logPath(), bytes);
  };

  const scanFile = async () => {
    const handle = await open(logPath(), 'r');
    try {
      return await scanLog(handle, (await handle.stat()).size, () => undefined);
    } finally {
      await handle.close();
    }
  };

  /** As kill -9 leaves a log: no record of a clean close. */
  const forgetCleanClose = () => rm(`${logPath()}.clean`);

  beforeEach(async () => {
    dataDir = await makeTempDir('integrity');
  });

  afterEach(async () => {
    await removeDir(dataDir);
  });

  describe('scan classification', () => {
    it('a frame cut short by the end of the file has no valid frame after it: a torn tail', async () => {
      const { starts, end } = await fiveFrames();
      await truncate(logPath(), end - 7);

      const scan = await scanFile();

      expect(scan).toMatchObject({ validEnd: starts[4], frames: 4, events: 4, lastPosition: 4, firstBad: { offset: starts[4], reason: 'frame cut short' } });
      expect(scan.after).toMatchObject({ frames: 0, events: 0 });
    });

    it.each(Object.entries(FIELD))('a flipped byte in the %s of a middle frame is followed by valid frames: corruption', async (_field, at) => {
      const { starts } = await fiveFrames();
      await flip(starts[2] + at);

      const scan = await scanFile();

      expect(scan.firstBad?.offset).toBe(starts[2]);
      expect(scan.after).toMatchObject({ frames: 2, events: 2, firstOffset: starts[3], maxPosition: 5 });
    });

    it('garbage after the last frame has no valid frame in it: a torn tail', async () => {
      const { end } = await fiveFrames();
      await appendFile(logPath(), Buffer.from('TSF1 and then some bytes that are not a frame'));

      const scan = await scanFile();

      expect(scan).toMatchObject({ validEnd: end, events: 5, firstBad: { offset: end } });
      expect(scan.after.frames).toBe(0);
    });
  });

  describe('opening', () => {
    it('refuses a log with a bad frame in the middle, naming the file, the offset and the valid records after it, and cuts nothing', async () => {
      const { starts } = await fiveFrames();
      await flip(starts[1] + FIELD.body);
      const before = await readFile(logPath());

      const error = (await EmbeddedEventStore.open({ dataDir }).catch((caught: unknown) => caught)) as LogCorruptedError;

      expect(error).toBeInstanceOf(LogCorruptedError);
      expect(error).toMatchObject({ path: logPath(), offset: starts[1], validRecordsAfter: 3 });
      expect(error.message).toContain(`${logPath()} is corrupt at byte ${starts[1]}: checksum mismatch; 3 valid records follow it`);
      expect(await readFile(logPath())).toEqual(before);
      // Refused without keeping the lock: the next attempt gets the same answer, not "in use".
      await expect(EmbeddedEventStore.open({ dataDir })).rejects.toThrow(LogCorruptedError);
    });

    it('refuses damage to the last frame of a log that was closed cleanly: it was acknowledged, not torn', async () => {
      const { starts, end } = await fiveFrames();
      await flip(starts[4] + FIELD.body);

      await expect(EmbeddedEventStore.open({ dataDir })).rejects.toThrow(`corrupt at byte ${starts[4]}: checksum mismatch, before the acknowledged end that its last clean close recorded (byte ${end})`);
    });

    it('refuses a cleanly closed log that lost whole frames off its end', async () => {
      const { starts } = await fiveFrames();
      await truncate(logPath(), starts[3]);

      await expect(EmbeddedEventStore.open({ dataDir })).rejects.toThrow('the log ends at position 3, but its last clean close recorded position 5');
    });

    it('after a crash, refuses damage to a frame the durable mark says was acknowledged, and cuts only what lies past it', async () => {
      const { starts, end } = await fiveFrames();
      // kill -9 leaves no clean-end record, but the writer's durable mark names the end of the
      // last batch whose fdatasync returned.
      await forgetCleanClose();
      await flip(starts[4] + FIELD.body);

      await expect(EmbeddedEventStore.open({ dataDir })).rejects.toThrow(
        `corrupt at byte ${starts[4]}: checksum mismatch, before the acknowledged end that its last acknowledged write recorded (byte ${end})`,
      );

      await flip(starts[4] + FIELD.body);
      await appendFile(logPath(), Buffer.alloc(100));
      const store = await EmbeddedEventStore.open({ dataDir });
      try {
        expect(store.openReport?.tornTail).toMatchObject({ offset: end, bytes: 100 });
        expect(await readAll(store)).toHaveLength(5);
      } finally {
        await store.close();
      }
    });

    it('keeps the durable mark at the end of the last acknowledged batch while the store runs', async () => {
      const store = await EmbeddedEventStore.open({ dataDir });
      try {
        await Promise.all([1, 2, 3].map((n) => store.append(`s-${n}`, [anEvent({ n })])));
        await new Promise((resolve) => setImmediate(resolve));
        const mark = await readFile(`${logPath()}.durable`);
        expect([mark.readDoubleLE(8), mark.readDoubleLE(16)]).toEqual([(await stat(logPath())).size, 3]);
      } finally {
        await store.close();
      }
    });

    it('opens and closes when the durable mark and the clean-end record cannot be written (best effort)', async () => {
      await fiveFrames();
      await rm(`${logPath()}.durable`);
      // Directories where the files should go: every write to them fails, as on a full disk.
      await mkdir(`${logPath()}.durable`);
      await mkdir(`${logPath()}.clean.tmp`);
      const store = await EmbeddedEventStore.open({ dataDir });
      await store.append('s', [anEvent()]);
      await store.close();

      await rm(`${logPath()}.clean.tmp`, { recursive: true });
      const reopened = await EmbeddedEventStore.open({ dataDir });
      try {
        expect(await readAll(reopened)).toHaveLength(6);
      } finally {
        await reopened.close();
      }
    });

    it('cuts a torn tail, logs it at warn with the offset and byte count, and keeps the bytes however large', async () => {
      const { end } = await fiveFrames();
      await forgetCleanClose();
      // 65 MiB of zeros: more than the 64 MiB the store used to keep.
      const tail = 65 * 1024 * 1024;
      await truncate(logPath(), end + tail);
      const warnings: string[] = [];

      const store = await EmbeddedEventStore.open({ dataDir, logger: { warn: (message) => warnings.push(message) } });
      try {
        const torn = store.openReport?.tornTail;
        expect(torn).toMatchObject({ offset: end, bytes: tail, reason: 'bad frame magic' });
        expect((await stat(torn?.savedTo as string)).size).toBe(tail);
        expect(warnings).toEqual([expect.stringContaining(`cut a torn tail of ${tail} bytes at byte ${end}`)]);
        expect(warnings[0]).toContain(torn?.savedTo);
        expect(await readAll(store)).toHaveLength(5);
      } finally {
        await store.close();
      }
    });

    it('opens a cleanly closed log with garbage appended after it with every event, cutting only the garbage', async () => {
      const { end } = await fiveFrames();
      await appendFile(logPath(), Buffer.from('not a frame at all'));

      const store = await EmbeddedEventStore.open({ dataDir });
      try {
        expect(store.openReport?.tornTail).toMatchObject({ offset: end, bytes: 18 });
        expect((await readAll(store)).map((event) => event.position)).toEqual([1, 2, 3, 4, 5]);
      } finally {
        await store.close();
      }
    });
  });

  describe('verify and repair', () => {
    it('verify reports a corrupt log without changing it', async () => {
      const { starts } = await fiveFrames();
      await flip(starts[2] + FIELD.crc);
      const before = await readFile(logPath());
      const files = await readdir(join(dataDir, 'eventstore'));

      const report = await verifyLog(dataDir);

      expect(report).toMatchObject({ state: 'corrupt', frames: 2, events: 2, lastPosition: 2, firstBad: { offset: starts[2], reason: 'checksum mismatch' }, validAfter: { frames: 2, events: 2 } });
      expect(await readFile(logPath())).toEqual(before);
      expect(await readdir(join(dataDir, 'eventstore'))).toEqual(files);
    });

    it('verify calls a log whose clean-close record is unreadable corrupt, as start-up does', async () => {
      await fiveFrames();
      await writeFile(`${logPath()}.clean`, 'garbage');
      await expect(EmbeddedEventStore.open({ dataDir })).rejects.toMatchObject({ name: 'CleanEndUnreadableError' });

      const report = await verifyLog(dataDir);

      expect(report).toMatchObject({ state: 'corrupt', problem: expect.stringContaining('.clean') });
    });

    it('repair keeps what it cuts, and positions are never handed out again', async () => {
      const { starts, end } = await fiveFrames();
      await flip(starts[2] + FIELD.length);
      const before = await readFile(logPath());

      const report = await repairLog(dataDir);

      expect(report).toMatchObject({ repaired: true, cutAt: starts[2], removedBytes: end - starts[2], keptHead: 2, lostRange: { from: 3, to: 5 }, markerPosition: 6 });
      expect(report.lost.map((event) => [event.stream, event.revision, event.position])).toEqual([
        ['s', 3, 4],
        ['s', 4, 5],
      ]);
      expect(await readFile(report.savedTo as string)).toEqual(before.subarray(starts[2]));
      expect(await verifyLog(dataDir)).toMatchObject({ state: 'healthy' });

      const store = await EmbeddedEventStore.open({ dataDir });
      try {
        expect((await readAll(store)).map((event) => event.position)).toEqual([1, 2]);
        expect(await store.readStream(LOG_REPAIR_STREAM)).toEqual([
          expect.objectContaining({ position: 6, data: expect.objectContaining({ cutAt: starts[2], lostFrom: 3, lostTo: 5, lostEvents: 2 }) }),
        ]);
        const appended = await store.append('s', [anEvent({ after: 'repair' })], { expectedRevision: 1 });
        expect(appended).toEqual({ stream: 's', nextRevision: 2, position: 7 });
        expect((await readAll(store)).map((event) => event.position)).toEqual([1, 2, 7]);
        // A reader whose checkpoint counts removed events, or lies past the head, is refused.
        expect(() => store.subscribeToAll({ from: { after: 4 } })).toThrow(PositionNotInLogError);
        expect(() => store.subscribeToAll({ from: { after: 8 } })).toThrow("checkpoint 8 is past the event log head (from another log, or from before a repair), head 7");
        expect(await Promise.all([2, 3, 5, 6, 7, 8].map((position) => store.holdsCheckpoint(position)))).toEqual([true, false, false, true, true, false]);
        const following = store.subscribeToAll({ from: { after: 2 } });
        const seen: number[] = [];
        for await (const event of following) {
          seen.push(event.position);
          if (event.position === 7) break;
        }
        expect(seen).toEqual([7]);
      } finally {
        await store.close();
      }

      // And after another restart the removed positions stay removed.
      const reopened = await EmbeddedEventStore.open({ dataDir });
      try {
        expect(await reopened.append('t', [anEvent()])).toMatchObject({ position: 8 });
      } finally {
        await reopened.close();
      }
    });
  });
});
