import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { makeTempDir, removeDir } from '../../testing/services';
import { describeReadStoreContract } from '../read-store.contract';
import { DuplicateKeyError, type Document } from '../read-store.port';
import { EmbeddedCollection } from './embedded-collection';
import { EmbeddedReadStore } from './embedded-read-store';

describeReadStoreContract('embedded (mingo)', async () => {
  const store = new EmbeddedReadStore();
  await store.open();
  return { store, teardown: () => store.close() };
});

describe('EmbeddedReadStore snapshots', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await makeTempDir('read-store');
  });

  afterEach(async () => {
    await removeDir(dir);
  });

  const fill = async (store: EmbeddedReadStore): Promise<void> => {
    const seats = store.collection('seat_map_v1');
    await seats.createIndex({ section: 1, number: 1 }, { unique: true, name: 'seat_number' });
    await seats.insertMany([
      { _id: 's1', section: 'A', number: 1, status: 'free', holds: [{ bookingId: 'b1', until: '2030-01-01T00:00:00.000Z' }] },
      { _id: 's2', section: 'A', number: 2, status: 'sold', price: 12.5 },
    ]);
    await store.collection('shows_v1').insertOne({ _id: 'show-1', title: 'Nuit "blanche"\nà Lyon', seats: 2 });
    await store.saveCheckpoint('seat_map_v1', 42);
  };

  it('creates its snapshot folder when it does not exist yet (a fresh DATA_DIR)', async () => {
    const store = new EmbeddedReadStore({ snapshotDir: join(dir, 'not', 'yet') });
    await fill(store);
    await store.saveSnapshot();
    const restored = new EmbeddedReadStore({ snapshotDir: join(dir, 'not', 'yet') });
    expect(await restored.open()).toMatchObject({ status: 'loaded' });
  });

  it('restores collections, indexes and checkpoints from a saved snapshot', async () => {
    const original = new EmbeddedReadStore({ snapshotDir: dir });
    expect(await original.open()).toEqual({ status: 'missing' });
    await fill(original);
    const saved = await original.saveSnapshot();
    expect(saved.documents).toBe(4);
    await original.close();

    const restored = new EmbeddedReadStore({ snapshotDir: dir });
    expect(await restored.open()).toEqual({ status: 'loaded', collections: 3, documents: 4, journal: { segments: 0 } });
    expect(await restored.listCollections()).toEqual(['checkpoints', 'seat_map_v1', 'shows_v1']);
    expect(await restored.collection('seat_map_v1').find({}, { sort: { _id: 1 } })).toEqual([
      { _id: 's1', section: 'A', number: 1, status: 'free', holds: [{ bookingId: 'b1', until: '2030-01-01T00:00:00.000Z' }] },
      { _id: 's2', section: 'A', number: 2, status: 'sold', price: 12.5 },
    ]);
    expect(await restored.collection('shows_v1').findOne({ _id: 'show-1' })).toMatchObject({ title: 'Nuit "blanche"\nà Lyon' });
    expect(await restored.getCheckpoint('seat_map_v1')).toBe(42);
    // The unique index came back too.
    await expect(
      restored.collection('seat_map_v1').insertOne({ _id: 's3', section: 'A', number: 2 }),
    ).rejects.toBeInstanceOf(DuplicateKeyError);
  });

  it('encodes a large store between other work, with the checkpoints as they were when it started', async () => {
    const store = new EmbeddedReadStore({ snapshotDir: dir });
    await store.collection('bookings_v1').insertMany(Array.from({ length: 5000 }, (_, i) => ({ _id: `b${i}`, _position: 10 })));
    await store.saveCheckpoint('bookings', 10);
    let turnsDuringSave = 0;
    const ticking = setInterval(() => (turnsDuringSave += 1), 0);
    const saving = store.saveSnapshot();
    // While the save is under way, the projector moves on: documents first, then the checkpoint.
    await new Promise((done) => setImmediate(done));
    await store.collection('bookings_v1').replaceOne({ _id: 'b4999' }, { _id: 'b4999', _position: 11 });
    await store.saveCheckpoint('bookings', 11);
    expect((await saving).documents).toBe(5001);
    clearInterval(ticking);
    expect(turnsDuringSave).toBeGreaterThan(0);

    // Resuming from checkpoint 10 replays event 11, which b4999 already holds and so skips.
    const restored = new EmbeddedReadStore({ snapshotDir: dir });
    expect(await restored.open()).toMatchObject({ status: 'loaded', documents: 5001 });
    expect(await restored.getCheckpoint('bookings')).toBe(10);
    expect(await restored.collection('bookings_v1').findOne({ _id: 'b4999' })).toEqual({ _id: 'b4999', _position: 11 });
  });

  it('queues saves asked for while one is under way, so they never write the file at once', async () => {
    const store = new EmbeddedReadStore({ snapshotDir: dir });
    await store.collection('bookings_v1').insertMany(Array.from({ length: 3000 }, (_, i) => ({ _id: `b${i}` })));
    const saves = [store.saveSnapshot(), store.saveSnapshot(), store.saveSnapshot()];
    await store.collection('bookings_v1').insertOne({ _id: 'late' });
    await Promise.all(saves);
    const restored = new EmbeddedReadStore({ snapshotDir: dir });
    expect(await restored.open()).toMatchObject({ status: 'loaded', documents: 3001 });
  });

  it('replaces an older snapshot atomically and leaves no temporary file', async () => {
    const store = new EmbeddedReadStore({ snapshotDir: dir });
    await fill(store);
    await store.saveSnapshot();
    await store.dropCollection('shows_v1');
    await store.saveSnapshot();
    const fresh = new EmbeddedReadStore({ snapshotDir: dir });
    expect(await fresh.open()).toMatchObject({ status: 'loaded', collections: 2 });
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(dir)).toEqual(['read-store.snapshot', 'read-store.snapshot.journal']);
  });

  const journalPath = () => join(dir, 'read-store.snapshot.journal');
  const contentOf = async (store: EmbeddedReadStore) =>
    Object.fromEntries(await Promise.all((await store.listCollections()).map(async (name) => [name, await store.collection(name).find({}, { sort: { _id: 1 } })])));

  it('writes only what changed since the last save, as a journal segment, and restores the store from both files', async () => {
    const store = new EmbeddedReadStore({ snapshotDir: dir });
    await fill(store);
    // Enough that the journal stays smaller than the snapshot file.
    await store.collection('shows_v1').insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: `filler-${i}`, title: 'A show that does not change' })));
    expect(await store.saveSnapshot()).toMatchObject({ kind: 'full', documents: 54 });
    const seats = store.collection('seat_map_v1');
    await seats.updateOne({ _id: 's1' }, { $set: { status: 'held' } });
    await seats.deleteOne({ _id: 's2' });
    await seats.insertOne({ _id: 's3', section: 'A', number: 3, status: 'free' });
    await store.saveCheckpoint('seat_map_v1', 43);
    // The checkpoint, s1, s2 (a removal) and s3; shows_v1 did not change.
    expect(await store.saveSnapshot()).toMatchObject({ kind: 'journal', documents: 4 });
    await store.collection('shows_v1').replaceOne({ _id: 'show-1' }, { _id: 'show-1', title: 'Later', seats: 3 });
    expect(await store.saveSnapshot()).toMatchObject({ kind: 'journal', documents: 1 });
    // Nothing changed: nothing written.
    expect(await store.saveSnapshot()).toMatchObject({ kind: 'journal', documents: 0, bytes: 0 });

    const restored = new EmbeddedReadStore({ snapshotDir: dir });
    expect(await restored.open()).toEqual({ status: 'loaded', collections: 3, documents: 54, journal: { segments: 2 } });
    expect(await contentOf(restored)).toEqual(await contentOf(store));
    expect(await restored.getCheckpoint('seat_map_v1')).toBe(43);
    // The unique index still holds for documents that came from the journal.
    await expect(restored.collection('seat_map_v1').insertOne({ _id: 's4', section: 'A', number: 3 })).rejects.toBeInstanceOf(DuplicateKeyError);
    // And the restored store goes on appending to the same journal.
    await restored.collection('seat_map_v1').insertOne({ _id: 's4', section: 'B', number: 1 });
    expect(await restored.saveSnapshot()).toMatchObject({ kind: 'journal', documents: 1 });
    const again = new EmbeddedReadStore({ snapshotDir: dir });
    expect(await again.open()).toMatchObject({ status: 'loaded', documents: 55, journal: { segments: 3 } });
  });

  it('journals new collections and indexes, and writes the whole store again once a collection is dropped or renamed over', async () => {
    const store = new EmbeddedReadStore({ snapshotDir: dir });
    await fill(store);
    await store.collection('shows_v1').insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: `filler-${i}`, title: `Filler ${i}` })));
    await store.saveSnapshot();
    await store.collection('new_v1').insertOne({ _id: 'n1', code: 'a' });
    await store.collection('indexed_only_v1').createIndex({ code: 1 }, { unique: true, name: 'code' });
    expect(await store.saveSnapshot()).toMatchObject({ kind: 'journal', documents: 1 });
    await store.collection('new_v1').createIndex({ code: 1 }, { unique: true, name: 'code' });
    expect(await store.saveSnapshot()).toMatchObject({ kind: 'journal', documents: 0 });
    const restored = new EmbeddedReadStore({ snapshotDir: dir });
    expect(await restored.open()).toMatchObject({ status: 'loaded', journal: { segments: 2 } });
    expect(await restored.listCollections()).toEqual(await store.listCollections());
    expect(await contentOf(restored)).toEqual(await contentOf(store));
    // The index came from the journal.
    await expect(restored.collection('new_v1').insertOne({ _id: 'n2', code: 'a' })).rejects.toBeInstanceOf(DuplicateKeyError);

    await store.dropCollection('new_v1');
    expect(await store.saveSnapshot()).toMatchObject({ kind: 'full' });
    await store.collection('shows_v1').insertOne({ _id: 'show-2', title: 'Two' });
    expect(await store.saveSnapshot()).toMatchObject({ kind: 'journal', documents: 1 });
    await store.renameCollection('shows_v1', 'indexed_only_v1');
    expect(await store.saveSnapshot()).toMatchObject({ kind: 'full' });
    const again = new EmbeddedReadStore({ snapshotDir: dir });
    await again.open();
    expect(await again.listCollections()).toEqual(await store.listCollections());
    expect(await contentOf(again)).toEqual(await contentOf(store));
  });

  it('journals the documents of a collection renamed to a name the files do not hold yet', async () => {
    const store = new EmbeddedReadStore({ snapshotDir: dir });
    await fill(store);
    await store.collection('shows_v1').insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: `filler-${i}`, title: `Filler ${i}` })));
    await store.saveSnapshot();
    // A new read-model version, built beside the live ones and then moved into place, as a rebuild does.
    await store.collection('shows_v2__building').insertMany([{ _id: 'v2-a' }, { _id: 'v2-b' }]);
    await store.renameCollection('shows_v2__building', 'shows_v2');
    expect(await store.saveSnapshot()).toMatchObject({ kind: 'journal', documents: 2 });
    const restored = new EmbeddedReadStore({ snapshotDir: dir });
    await restored.open();
    expect(await restored.listCollections()).toEqual(await store.listCollections());
    expect(await restored.collection('shows_v2').find({}, { sort: { _id: 1 } })).toEqual([{ _id: 'v2-a' }, { _id: 'v2-b' }]);
  });

  it('applies the segments as one, so that documents that took a unique key in turn restore', async () => {
    const store = new EmbeddedReadStore({ snapshotDir: dir });
    const seats = store.collection('seats_v1');
    await seats.createIndex({ code: 1 }, { unique: true, name: 'code' });
    await seats.insertMany([{ _id: 'a', code: 'k' }, ...Array.from({ length: 50 }, (_, i) => ({ _id: `f${i}`, code: `f${i}` }))]);
    await store.saveSnapshot();
    // b changes first (so the segment names it before a), then a gives up k and b takes it.
    await seats.insertOne({ _id: 'b', code: 'x' });
    await seats.replaceOne({ _id: 'a' }, { _id: 'a', code: 'k2' });
    await seats.replaceOne({ _id: 'b' }, { _id: 'b', code: 'k' });
    await store.saveSnapshot();
    const restored = new EmbeddedReadStore({ snapshotDir: dir });
    expect(await restored.open()).toMatchObject({ status: 'loaded', journal: { segments: 1 } });
    expect(await restored.collection('seats_v1').find({ _id: { $in: ['a', 'b'] } }, { sort: { _id: 1 } })).toEqual([
      { _id: 'a', code: 'k2' },
      { _id: 'b', code: 'k' },
    ]);
  });

  it('writes the whole store again once the journal has grown past the snapshot file', async () => {
    const store = new EmbeddedReadStore({ snapshotDir: dir });
    await store.collection('counters_v1').insertOne({ _id: 'c', n: 0, padding: 'x'.repeat(200) });
    const kinds: string[] = [];
    for (let n = 1; n <= 6; n++) {
      await store.collection('counters_v1').replaceOne({ _id: 'c' }, { _id: 'c', n, padding: 'x'.repeat(200) });
      kinds.push((await store.saveSnapshot()).kind);
    }
    // The first is whole; each segment is about as large as the file; the journal then outgrows it.
    expect(kinds[0]).toBe('full');
    expect(kinds.slice(1)).toContain('journal');
    expect(kinds.slice(2)).toContain('full');
    const restored = new EmbeddedReadStore({ snapshotDir: dir });
    await restored.open();
    expect(await restored.collection('counters_v1').findOne({ _id: 'c' })).toMatchObject({ n: 6 });
  });

  it('drops a torn last segment, resumes from the segments before it, and then writes the whole store again', async () => {
    const store = new EmbeddedReadStore({ snapshotDir: dir });
    await fill(store);
    await store.saveSnapshot();
    await store.collection('seat_map_v1').updateOne({ _id: 's1' }, { $set: { status: 'held' } });
    await store.saveCheckpoint('seat_map_v1', 43);
    await store.saveSnapshot();
    const afterFirstSegment = await readFile(journalPath());
    await store.collection('seat_map_v1').updateOne({ _id: 's1' }, { $set: { status: 'sold' } });
    await store.saveCheckpoint('seat_map_v1', 44);
    await store.saveSnapshot();
    const whole = await readFile(journalPath());

    // A segment whose bytes changed is dropped with everything after it.
    const damaged = Buffer.from(whole);
    damaged[whole.indexOf('"held"') + 1] = 'x'.charCodeAt(0);
    const intact = await new EmbeddedReadStore({ snapshotDir: dir }).open();
    await writeFile(journalPath(), damaged);
    expect(await new EmbeddedReadStore({ snapshotDir: dir }).open()).toMatchObject({
      status: 'loaded',
      journal: { segments: 0, dropped: 'a segment whose checksum does not match' },
    });
    expect(intact).toMatchObject({ journal: { segments: 2 } });
    expect(afterFirstSegment.length).toBeLessThan(whole.length);

    // A line that is JSON but no entry (a number) ends the journal there, as any damage does.
    await writeFile(journalPath(), Buffer.concat([whole, Buffer.from('7\n')]));
    expect(await new EmbeddedReadStore({ snapshotDir: dir }).open()).toMatchObject({
      status: 'loaded',
      journal: { segments: 2, dropped: 'a line that is no journal entry' },
    });

    // A crash while the second segment was written: its trailer never made it.
    await writeFile(journalPath(), whole.subarray(0, whole.lastIndexOf('\n', whole.length - 2) + 1));

    const restored = new EmbeddedReadStore({ snapshotDir: dir });
    expect(await restored.open()).toMatchObject({ status: 'loaded', journal: { segments: 1, dropped: 'a torn last segment' } });
    expect(await restored.collection('seat_map_v1').findOne({ _id: 's1' })).toMatchObject({ status: 'held' });
    expect(await restored.getCheckpoint('seat_map_v1')).toBe(43);
    // Nothing is appended after a torn tail.
    await restored.saveCheckpoint('seat_map_v1', 45);
    expect(await restored.saveSnapshot()).toMatchObject({ kind: 'full' });
    expect(await new EmbeddedReadStore({ snapshotDir: dir }).open()).toMatchObject({ status: 'loaded', journal: { segments: 0 } });
  });

  it('keeps the ids of changed documents only in a store that saves snapshots', async () => {
    const kept = new EmbeddedCollection('kept', undefined, undefined, true);
    await kept.insertOne({ _id: 'a' });
    await kept.updateOne({ _id: 'a' }, { $set: { n: 1 } });
    await kept.insertOne({ _id: 'b' });
    await kept.deleteOne({ _id: 'b' });
    expect([...kept.takeChanged()]).toEqual(['a', 'b']);
    expect(kept.takeChanged().size).toBe(0);
    // Without snapshots nothing would ever take them: nothing is kept.
    const untracked = new EmbeddedCollection('untracked');
    await untracked.insertOne({ _id: 'a' });
    expect(() => untracked.takeChanged()).toThrow(/only kept in a store that saves snapshots/);
  });

  it('ignores a journal that follows another snapshot file (an older snapshot file put back)', async () => {
    const store = new EmbeddedReadStore({ snapshotDir: dir });
    await fill(store);
    const { path } = await store.saveSnapshot();
    const older = await readFile(path);
    await store.collection('shows_v1').insertOne({ _id: 'show-2', title: 'Two' });
    await store.saveSnapshot();
    await store.dropCollection('seat_map_v1');
    // Whole again (a dropped collection): the journal now follows the new file.
    expect(await store.saveSnapshot()).toMatchObject({ kind: 'full' });
    await store.collection('shows_v1').insertOne({ _id: 'show-3', title: 'Three' });
    await store.saveSnapshot();
    await writeFile(path, older);
    const restored = new EmbeddedReadStore({ snapshotDir: dir });
    expect(await restored.open()).toMatchObject({ status: 'loaded', documents: 4, journal: { segments: 0 } });
    expect(await restored.listCollections()).toEqual(['checkpoints', 'seat_map_v1', 'shows_v1']);
    // Its next save starts a journal of its own.
    await restored.collection('shows_v1').insertOne({ _id: 'show-4', title: 'Four' });
    expect(await restored.saveSnapshot()).toMatchObject({ kind: 'journal', documents: 1 });
    const again = new EmbeddedReadStore({ snapshotDir: dir });
    expect(await again.open()).toMatchObject({ status: 'loaded', documents: 5, journal: { segments: 1 } });
  });

  it('keeps a segment sound while documents change during its write: the checkpoints are the ones from its start', async () => {
    const store = new EmbeddedReadStore({ snapshotDir: dir });
    await store.collection('bookings_v1').insertMany(Array.from({ length: 5000 }, (_, i) => ({ _id: `b${i}`, _position: 10 })));
    await store.saveCheckpoint('bookings', 10);
    await store.saveSnapshot();
    // A fifth of them change: the segment is the checkpoint and 1,000 documents.
    for (let i = 4000; i < 5000; i++) await store.collection('bookings_v1').replaceOne({ _id: `b${i}` }, { _id: `b${i}`, _position: 11 });
    await store.saveCheckpoint('bookings', 11);
    const saving = store.saveSnapshot();
    await new Promise((done) => setImmediate(done));
    await store.collection('bookings_v1').replaceOne({ _id: 'b4999' }, { _id: 'b4999', _position: 12 });
    await store.saveCheckpoint('bookings', 12);
    expect(await saving).toMatchObject({ kind: 'journal', documents: 1001 });

    const restored = new EmbeddedReadStore({ snapshotDir: dir });
    await restored.open();
    expect(await restored.getCheckpoint('bookings')).toBe(11);
    expect(await restored.collection('bookings_v1').findOne({ _id: 'b4999' })).toEqual({ _id: 'b4999', _position: 12 });
    // The change during the write goes to the next segment too.
    expect(await store.saveSnapshot()).toMatchObject({ kind: 'journal', documents: 2 });
  });

  it('starts empty and reports a snapshot whose bytes changed', async () => {
    const store = new EmbeddedReadStore({ snapshotDir: dir });
    await fill(store);
    const { path } = await store.saveSnapshot();
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('"sold"', '"free"'));

    const reopened = new EmbeddedReadStore({ snapshotDir: dir });
    const result = await reopened.open();
    expect(result).toMatchObject({ status: 'corrupt' });
    expect(result.status === 'corrupt' && result.reason).toMatch(/checksum/);
    expect(await reopened.listCollections()).toEqual([]);
    expect(await reopened.getCheckpoint('seat_map_v1')).toBeNull();
  });

  it('starts empty and reports a torn or foreign snapshot file', async () => {
    const store = new EmbeddedReadStore({ snapshotDir: dir });
    await fill(store);
    const { path } = await store.saveSnapshot();
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.slice(0, Math.floor(text.length / 2)));
    expect(await new EmbeddedReadStore({ snapshotDir: dir }).open()).toMatchObject({ status: 'corrupt' });
    await writeFile(join(dir, 'read-store.snapshot'), 'not a snapshot');
    expect(await new EmbeddedReadStore({ snapshotDir: dir }).open()).toMatchObject({ status: 'corrupt' });
  });
});

describe('EmbeddedReadStore with a large collection', () => {
  it('keeps _id lookups and updates on a 60,000-seat collection fast', async () => {
    const store = new EmbeddedReadStore();
    const seats = store.collection<Document & { n: number; status: string }>('seats');
    await seats.insertMany(Array.from({ length: 60_000 }, (_, n) => ({ _id: `seat-${n}`, n, status: 'free' })));

    // 20,000 lookups and updates by _id would take minutes if each scanned the collection
    // (60,000 × 20,000 predicate tests); through the _id map they take milliseconds.
    const started = process.hrtime.bigint();
    for (let i = 0; i < 10_000; i += 1) {
      const id = `seat-${(i * 7919) % 60_000}`;
      await seats.updateOne({ _id: id }, { $set: { status: 'held' } });
      expect((await seats.findOne({ _id: id }))?.status).toBe('held');
    }
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(elapsedMs).toBeLessThan(5_000);
    expect(await seats.countDocuments({ status: 'held' })).toBe(10_000);
  });
});

describe('EmbeddedReadStore shared documents', () => {
  type Booking = Document & { status: string; seats: string[] };

  it('freezes what it shares, so a caller that breaks its promise fails instead of changing the store', async () => {
    const store = new EmbeddedReadStore();
    const bookings = store.collection<Booking>('bookings');
    const handed: Booking = { _id: 'b1', status: 'held', seats: ['A-1'] };
    await bookings.bulkWrite([{ replaceOne: { filter: { _id: 'b1' }, replacement: handed, upsert: true } }], { handOver: true });
    expect(() => handed.seats.push('A-2')).toThrow(TypeError);

    const shared = (await bookings.findOne({ _id: 'b1' }, { readOnly: true }))!;
    expect(shared).toBe(handed);
    expect(() => {
      shared.status = 'sold';
    }).toThrow(TypeError);

    // An ordinary read is still a copy of its own.
    const copy = (await bookings.findOne({ _id: 'b1' }))!;
    copy.seats.push('A-2');
    expect(await bookings.findOne({ _id: 'b1' })).toEqual({ _id: 'b1', status: 'held', seats: ['A-1'] });
  });

  it('reads its own documents read-only frozen too, and changes them by replacing them from then on', async () => {
    const store = new EmbeddedReadStore();
    const bookings = store.collection<Booking>('bookings');
    await bookings.insertOne({ _id: 'b1', status: 'held', seats: ['A-1'] });
    const [shared] = await bookings.find({}, { readOnly: true });
    expect(Object.isFrozen(shared) && Object.isFrozen(shared.seats)).toBe(true);
    await bookings.updateOne({ _id: 'b1' }, { $push: { seats: 'A-2' } });
    expect(shared.seats).toEqual(['A-1']);
    const next = (await bookings.findOne({ _id: 'b1' }, { readOnly: true }))!;
    expect(next).not.toBe(shared);
    expect(next.seats).toEqual(['A-1', 'A-2']);
  });

  it('snapshots and restores shared documents like any others', async () => {
    const dir = await makeTempDir('read-store');
    try {
      const store = new EmbeddedReadStore({ snapshotDir: dir });
      await store.collection<Booking>('bookings').bulkWrite([{ insertOne: { document: { _id: 'b1', status: 'held', seats: ['A-1'] } } }], { handOver: true });
      await store.saveSnapshot();
      const restored = new EmbeddedReadStore({ snapshotDir: dir });
      expect(await restored.open()).toMatchObject({ status: 'loaded', documents: 1 });
      const booking = (await restored.collection<Booking>('bookings').findOne({ _id: 'b1' }))!;
      booking.seats.push('A-2');
      expect(booking).toEqual({ _id: 'b1', status: 'held', seats: ['A-1', 'A-2'] });
    } finally {
      await removeDir(dir);
    }
  });
});

describe('EmbeddedReadStore snapshot memory', () => {
  it('writes a snapshot as it encodes it, never holding the encoded file in memory', async () => {
    const dir = await makeTempDir('read-store');
    try {
      const store = new EmbeddedReadStore({ snapshotDir: dir });
      // 60,000 documents of about 2 KB of JSON each; the filler is one string they all share, so
      // the store itself stays small while its snapshot is about 120 MB.
      const filler = 'x'.repeat(2000);
      await store.collection('bookings').insertMany(Array.from({ length: 60_000 }, (_, n) => ({ _id: `b-${n}`, filler })));
      const before = process.memoryUsage().heapUsed;
      let peak = before;
      let sampling = true;
      const sample = (): void => {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
        if (sampling) setImmediate(sample);
      };
      sample();
      const saved = await store.saveSnapshot();
      sampling = false;
      expect(saved.documents).toBe(60_000);
      expect(saved.bytes).toBeGreaterThan(120_000_000);
      // Holding the encoded file until it is written would grow the heap by at least its size
      // (134 MB here), and encoding 1,000 documents at a time by 47 MB. The bound leaves room
      // for garbage a busy machine has not collected yet (12.7 MB was seen under CI load).
      expect(peak - before).toBeLessThan(saved.bytes / 4);
      const restored = new EmbeddedReadStore({ snapshotDir: dir });
      expect(await restored.open()).toEqual({ status: 'loaded', collections: 1, documents: 60_000, journal: { segments: 0 } });
      expect(await restored.collection('bookings').findOne({ _id: 'b-59999' })).toEqual({ _id: 'b-59999', filler });
    } finally {
      await removeDir(dir);
    }
  }, 60_000);

  it('restores a snapshot a line at a time, never holding its text in memory', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const dir = await makeTempDir('read-store');
    try {
      // 20,000 documents of about 7 KB of JSON each: a 140 MB file. What restoring costs beyond
      // the documents it restores is measured.
      const store = new EmbeddedReadStore({ snapshotDir: dir });
      const seats = Array.from({ length: 1000 }, (_, i) => 100_000 + i);
      await store.collection('bookings').insertMany(Array.from({ length: 20_000 }, (_, n) => ({ _id: `b-${n}`, seats })));
      const saved = await store.saveSnapshot();
      await store.collection('bookings').deleteMany({});
      gc();
      const before = process.memoryUsage().heapUsed;
      let peak = before;
      let sampling = true;
      const sample = (): void => {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
        if (sampling) setImmediate(sample);
      };
      sample();
      const restored = new EmbeddedReadStore({ snapshotDir: dir });
      expect(await restored.open()).toEqual({ status: 'loaded', collections: 1, documents: 20_000, journal: { segments: 0 } });
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      sampling = false;
      gc();
      const kept = process.memoryUsage().heapUsed - before;
      expect(saved.bytes).toBeGreaterThan(120_000_000);
      // Reading the whole file first held its text (120 MB) and its lines on top of the documents.
      expect(peak - before - kept).toBeLessThan(saved.bytes / 2);
      expect((await restored.collection('bookings').findOne({ _id: 'b-19999' }))?.seats).toEqual(seats);
    } finally {
      await removeDir(dir);
    }
  }, 60_000);
});
