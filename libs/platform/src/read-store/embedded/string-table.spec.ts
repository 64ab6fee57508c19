import { randomUUID } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { makeTempDir, removeDir } from '../../testing/services';
import { EmbeddedReadStore } from './embedded-read-store';
import { StringTable } from './string-table';

describe('StringTable', () => {
  it('answers a string it has seen with the first copy, and forgets the oldest beyond its capacity', () => {
    const table = new StringTable(2);
    expect(table.intern('a')).toBe('a');
    table.intern('b');
    table.intern('a');
    expect(table.size).toBe(2);
    table.intern('c');
    expect(table.size).toBe(2);
    table.intern('x'.repeat(65));
    expect(table.size).toBe(2);
  });

  it('changes the strings of a document in place, all the way down, but nothing frozen and no prototype', () => {
    const table = new StringTable();
    const frozen = Object.freeze({ id: 's-1' });
    const document = JSON.parse('{"_id":"b-1","showId":"s-1","seats":["A-1",{"seatId":"A-2"}],"__proto__":"s-1","n":4}') as Record<string, unknown>;
    document.frozen = frozen;
    table.internAll(document);
    expect(document).toEqual({ _id: 'b-1', showId: 's-1', seats: ['A-1', { seatId: 'A-2' }], ['__proto__']: 's-1', n: 4, frozen });
    expect(Object.getPrototypeOf(document)).toBe(Object.prototype);
    expect(Object.keys(document)).toContain('__proto__');
    expect(table.size).toBe(4);
  });
});

describe('EmbeddedReadStore string sharing', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const heapUsed = (): number => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const count = 20_000;
  const show = randomUUID();
  // As a projection writes them: each document decoded from its own JSON, so every value is a
  // string of its own; the booking's id repeats as `_id`, the show and the hour repeat across documents.
  const lines = Array.from({ length: count }, () => {
    const id = randomUUID();
    // Flat, as a line read from a file: JSON.parse would flatten a template's rope, freeing its pieces while measured.
    return Buffer.from(`{"_id":"${id}","bookingId":"${id}","showId":"${show}","confirmedHour":"2027-05-01T19:00:00.000Z"}`).toString();
  });

  it('keeps a value repeated across documents once, live and after a restart from the snapshot', async () => {
    const dir = await makeTempDir('string-table');
    try {
      // Warm up: the code paths compiled, and the garbage of the first runs collected before measuring.
      const warm = new EmbeddedReadStore({ snapshotDir: dir });
      await warm.collection('sales').bulkWrite(lines.slice(0, 2000).map((line) => ({ insertOne: { document: JSON.parse(line) } })), { handOver: true });
      await warm.saveSnapshot();
      await warm.close();
      await new EmbeddedReadStore({ snapshotDir: dir }).loadSnapshot();
      const before = heapUsed();
      const live = new EmbeddedReadStore({ snapshotDir: dir });
      await live.collection('sales').bulkWrite(lines.map((line) => ({ insertOne: { document: JSON.parse(line) } })), { handOver: true });
      const livePerDocument = (heapUsed() - before) / count;
      await live.saveSnapshot();
      await live.close();

      const start = heapUsed();
      const restarted = new EmbeddedReadStore({ snapshotDir: dir });
      expect(await restarted.loadSnapshot()).toMatchObject({ status: 'loaded', documents: count });
      const restartedPerDocument = (heapUsed() - start) / count;
      expect(await restarted.collection('sales').countDocuments()).toBe(count);
      // Measured: about 220 bytes a document, live and restarted (the document, its id, the map
      // entry, the table's share); with a string of its own for every value, 320.
      expect(livePerDocument).toBeLessThan(260);
      expect(restartedPerDocument).toBeLessThan(260);
      await restarted.close();
    } finally {
      await removeDir(dir);
    }
    // Six full collections of the worker's whole heap: well over jest's 30 s on a loaded CI machine.
  }, 120_000);
});
