import { randomUUID } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { makeTempDir, removeDir } from '../../testing/services';
import type { RecordedEvent } from '../event-store.port';
import { EmbeddedEventStore, LogCorruptedError } from '.';

/**
 * Fault injection: a real log written through the store (concurrent appends, so group commit
 * puts several frames in one write), closed, then damaged with bytes flipped at random offsets,
 * as a clean close leaves the folder or as a kill -9 after the last acknowledgement does (no
 * clean-end record, only the writer's durable mark). Whatever the damage, the store either opens
 * with every acknowledged event intact, or refuses to open with a LogCorruptedError that names
 * it: the file, and the start of the frame holding the first damaged byte.
 */

const RUNS = 200;

const ordinal = (event: RecordedEvent) => ({ id: event.id, stream: event.stream, revision: event.revision, position: event.position, data: event.data });

describe('embedded log fault injection', () => {
  let root: string;
  let original: Buffer;
  let cleanEnd: Buffer | undefined;
  let durableMark: Buffer | undefined;
  let acknowledged: ReturnType<typeof ordinal>[];
  /** File offsets where frames start (and the file header's 0). */
  const frameStarts = new Set<number>([0]);

  beforeAll(async () => {
    root = await makeTempDir('faults');
    const dataDir = join(root, 'source');
    const store = await EmbeddedEventStore.open({ dataDir });
    const appends: Promise<unknown>[] = [];
    for (let n = 0; n < 120; n++) {
      const stream = `stream-${n % 7}`;
      appends.push(store.append(stream, [{ id: randomUUID(), type: 'test.happened.v1', data: { n, text: 'y'.repeat(n % 50) }, metadata: { actorId: 'a', correlationId: 'c', causationId: 'c', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 } }]));
      if (n % 10 === 9) await Promise.all(appends.splice(0));
    }
    await Promise.all(appends);
    expect(store.writerStats.syncs).toBeLessThan(store.writerStats.frames);
    acknowledged = [];
    for await (const event of store.readAll()) acknowledged.push(ordinal(event));
    await store.close();
    const logPath = join(dataDir, 'eventstore', 'events.log');
    original = await readFile(logPath);
    cleanEnd = await readFile(`${logPath}.clean`).catch(() => undefined);
    durableMark = await readFile(`${logPath}.durable`).catch(() => undefined);
    expect(cleanEnd).toBeDefined();
    // Frames follow each other from byte 16: u32 magic, u32 body length, u32 crc, body.
    for (let at = 16; at < original.length; at += 12 + original.readUInt32LE(at + 4)) frameStarts.add(at);
    expect(acknowledged).toHaveLength(120);
    expect(frameStarts.size).toBe(121);
  });

  afterAll(async () => {
    await removeDir(root);
  });

  let run = 0;
  /**
   * `closed`: as a clean close leaves the folder; otherwise as kill -9 after the last
   * acknowledgement leaves it (no clean-end record, only the writer's durable mark).
   */
  const damaged = async (flips: Array<{ offset: number; xor: number }>, appended: Buffer, closed = true): Promise<{ dataDir: string; first: number }> => {
    const dataDir = join(root, `run-${run++}`);
    await mkdir(join(dataDir, 'eventstore'), { recursive: true });
    const bytes = Buffer.concat([original, appended]);
    for (const { offset, xor } of flips) bytes[offset] ^= xor;
    await writeFile(join(dataDir, 'eventstore', 'events.log'), bytes);
    if (cleanEnd && closed) await writeFile(join(dataDir, 'eventstore', 'events.log.clean'), cleanEnd);
    if (durableMark) await writeFile(join(dataDir, 'eventstore', 'events.log.durable'), durableMark);
    return { dataDir, first: Math.min(...flips.map((flip) => flip.offset)) };
  };

  it('opens with every acknowledged event, or refuses and names the damage', async () => {
    let refused = 0;
    let opened = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ offset: fc.nat({ max: 1_000_000 }), xor: fc.integer({ min: 1, max: 255 }) }), { minLength: 0, maxLength: 3 }),
        fc.uint8Array({ maxLength: 64 }),
        fc.boolean(),
        async (raw, garbage, closed) => {
          const flips = raw.map(({ offset, xor }) => ({ offset: offset % original.length, xor }));
          const { dataDir, first } = await damaged(flips, Buffer.from(garbage), closed);
          const outcome = await EmbeddedEventStore.open({ dataDir }).then(
            async (store) => {
              const events: ReturnType<typeof ordinal>[] = [];
              for await (const event of store.readAll()) events.push(ordinal(event));
              await store.close();
              return { events };
            },
            (error: unknown) => ({ error }),
          );
          await removeDir(dataDir);
          if ('events' in outcome) {
            opened++;
            expect(outcome.events).toEqual(acknowledged);
            return;
          }
          refused++;
          const error = outcome.error as LogCorruptedError;
          expect(error).toBeInstanceOf(LogCorruptedError);
          expect(error.message).toContain(join(dataDir, 'eventstore', 'events.log'));
          expect(error.message).toContain(`corrupt at byte ${error.offset}`);
          expect(error.offset).toBeLessThanOrEqual(first);
          expect(frameStarts.has(error.offset)).toBe(true);
          // The damaged byte lies in the frame that was named (or in the file header).
          const next = [...frameStarts].filter((start) => start > error.offset).sort((a, b) => a - b)[0] ?? original.length;
          expect(first).toBeLessThan(next);
        },
      ),
      { numRuns: RUNS },
    );
    // Every flip lands on a checksummed byte, so each run with damage inside the log is refused;
    // garbage appended after a clean close opens with everything.
    expect(refused).toBeGreaterThan(0);
    expect(opened).toBeGreaterThan(0);
    expect(opened + refused).toBe(RUNS);
  });

  it('opens a log damaged only past its clean end with every event', async () => {
    const { dataDir } = await damaged([], Buffer.from('definitely not a frame'));
    const store = await EmbeddedEventStore.open({ dataDir });
    try {
      const events: ReturnType<typeof ordinal>[] = [];
      for await (const event of store.readAll()) events.push(ordinal(event));
      expect(events).toEqual(acknowledged);
      expect((await stat(join(dataDir, 'eventstore', 'events.log'))).size).toBe(original.length);
    } finally {
      await store.close();
    }
  });
});
