import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir, removeDir } from '../../testing/services';
import { writeSnapshotFile, type SnapshotCollection } from './snapshot-file';

/** About 1 MB of documents: some 17 slices of 64 K characters. */
const collections = (): SnapshotCollection[] => [
  { name: 'bookings_v1', indexes: [], documents: Array.from({ length: 4000 }, (_, i) => ({ _id: `b${i}`, note: 'x'.repeat(240) })) },
];

describe('writeSnapshotFile, paced', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await makeTempDir('snapshot-file');
  });

  afterEach(async () => {
    await removeDir(dir);
  });

  it('given no loop share, when it writes, then it never rests', async () => {
    const rests: number[] = [];
    await writeSnapshotFile(join(dir, 'a'), collections(), { rest: async (ms) => rests.push(ms) });
    expect(rests).toEqual([]);
  });

  it('given a loop share, when it writes, then it rests after each slice, in steps of at most 50 ms, and writes the same file', async () => {
    const rests: number[] = [];
    const paced = await writeSnapshotFile(join(dir, 'paced'), collections(), { loopShare: () => 0.001, rest: async (ms) => rests.push(ms) });
    const plain = await writeSnapshotFile(join(dir, 'plain'), collections());
    expect(paced).toEqual(plain);
    expect(await readFile(join(dir, 'paced'))).toEqual(await readFile(join(dir, 'plain')));
    // At a thousandth, each slice's encoding (well over 50 µs) is followed by over 50 ms of rest.
    expect(rests.length).toBeGreaterThan(16);
    expect(Math.max(...rests)).toBeLessThanOrEqual(50);
    expect(rests.every((ms) => ms > 0)).toBe(true);
  });

  it('given a save under way that is told to hurry, when its share turns to 1, then it rests no more', async () => {
    let share = 0.001;
    const rests: number[] = [];
    await writeSnapshotFile(join(dir, 'hurried'), collections(), {
      loopShare: () => share,
      rest: async (ms) => {
        rests.push(ms);
        if (rests.length === 3) share = 1;
      },
    });
    expect(rests).toHaveLength(3);
  });

  it('given a share of 0 or less, when it writes, then it does not rest (no division by zero, no endless rest)', async () => {
    const rests: number[] = [];
    await writeSnapshotFile(join(dir, 'zero'), collections(), { loopShare: () => 0, rest: async (ms) => rests.push(ms) });
    expect(rests).toEqual([]);
  });
});
