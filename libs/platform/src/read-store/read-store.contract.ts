import { DuplicateKeyError, type Document, type ReadCollection, type ReadStore } from './read-store.port';

/**
 * The one contract every ReadStore adapter passes, written against MongoDB's documented
 * behaviour: the embedded adapter must answer as a real MongoDB would. Each test works in
 * collections of its own, so one store serves the whole suite.
 */

export interface ReadStoreUnderTest {
  store: ReadStore;
  teardown: () => Promise<void>;
}

interface Seat extends Document {
  section: string;
  row: number;
  number: number;
  status: 'free' | 'held' | 'sold';
  price?: number;
  holds?: string[];
  meta?: { zone?: string; accessible?: boolean };
}

const seat = (id: string, fields: Partial<Seat> = {}): Seat => ({
  _id: id,
  section: 'A',
  row: 1,
  number: 1,
  status: 'free',
  ...fields,
});

export const describeReadStoreContract = (title: string, setup: () => Promise<ReadStoreUnderTest>): void => {
  describe(`ReadStore contract: ${title}`, () => {
    let subject: ReadStoreUnderTest;
    let store: ReadStore;
    let counter = 0;
    const run = Math.random().toString(36).slice(2, 8);
    const uniqueName = (label: string): string => `${label}_${run}_${(counter += 1)}`;
    const seats = (): ReadCollection<Seat> => store.collection<Seat>(uniqueName('seats'));

    beforeAll(async () => {
      subject = await setup();
      store = subject.store;
    });

    afterAll(async () => {
      await subject?.teardown();
    });

    describe('find', () => {
      let collection: ReadCollection<Seat>;

      beforeAll(async () => {
        collection = seats();
        await collection.insertMany([
          seat('s1', { row: 1, number: 1, status: 'free', price: 50, holds: ['b1'], meta: { zone: 'north', accessible: true } }),
          seat('s2', { row: 1, number: 2, status: 'held', price: 50, holds: ['b2', 'b3'] }),
          seat('s3', { row: 2, number: 1, status: 'sold', price: 80, meta: { zone: 'south' } }),
          seat('s4', { section: 'B', row: 1, number: 1, status: 'free', price: 30 }),
          seat('s5', { section: 'B', row: 2, number: 7, status: 'held', price: 30, meta: { zone: 'north' } }),
        ]);
      });

      const ids = (documents: Document[]): string[] => documents.map((d) => d._id).sort();

      it('matches on equality, $eq, $in, $gt, $exists and dotted paths', async () => {
        expect(ids(await collection.find({ section: 'B' }))).toEqual(['s4', 's5']);
        expect(ids(await collection.find({ status: { $eq: 'held' } }))).toEqual(['s2', 's5']);
        expect(ids(await collection.find({ status: { $in: ['held', 'sold'] } }))).toEqual(['s2', 's3', 's5']);
        expect(ids(await collection.find({ price: { $gt: 50 } }))).toEqual(['s3']);
        expect(ids(await collection.find({ meta: { $exists: false } }))).toEqual(['s2', 's4']);
        expect(ids(await collection.find({ 'meta.zone': 'north' }))).toEqual(['s1', 's5']);
        expect(ids(await collection.find({ 'meta.accessible': { $exists: true } }))).toEqual(['s1']);
      });

      it('matches array elements, $elemMatch and $and/$or', async () => {
        expect(ids(await collection.find({ holds: 'b3' }))).toEqual(['s2']);
        expect(ids(await collection.find({ holds: { $elemMatch: { $in: ['b1', 'b2'] } } }))).toEqual(['s1', 's2']);
        expect(ids(await collection.find({ $or: [{ section: 'B', row: 2 }, { status: 'sold' }] }))).toEqual(['s3', 's5']);
        expect(ids(await collection.find({ $and: [{ price: { $gte: 30 } }, { price: { $lt: 50 } }] }))).toEqual(['s4', 's5']);
      });

      it('matches ids with the other fields of the filter: equality, array members, null for a missing field', async () => {
        expect(ids(await collection.find({ _id: { $in: ['s1', 's2', 's3', 'nope'] }, status: 'held' }))).toEqual(['s2']);
        expect(ids(await collection.find({ _id: { $in: ['s1', 's2', 's4'] }, holds: 'b2', row: 1 }))).toEqual(['s2']);
        expect(ids(await collection.find({ _id: 's3', status: 'sold', price: 80 }))).toEqual(['s3']);
        expect(ids(await collection.find({ _id: 's3', status: 'free' }))).toEqual([]);
        expect(ids(await collection.find({ _id: { $in: ['s1', 's3', 's4'] }, meta: null }))).toEqual(['s4']);
        expect(ids(await collection.find({ _id: { $in: ['s1', 's5'] }, 'meta.zone': 'north', price: { $lt: 40 } }))).toEqual(['s5']);
      });

      it('sorts by several keys, then skips and limits', async () => {
        const sorted = await collection.find({}, { sort: { price: -1, _id: 1 } });
        expect(sorted.map((d) => d._id)).toEqual(['s3', 's1', 's2', 's4', 's5']);
        const page = await collection.find({}, { sort: { section: 1, row: -1, number: 1 }, skip: 1, limit: 2 });
        expect(page.map((d) => d._id)).toEqual(['s1', 's2']);
      });

      it('projects included or excluded fields', async () => {
        const included = await collection.find({ _id: 's1' }, { projection: { status: 1, 'meta.zone': 1 } });
        expect(included).toEqual([{ _id: 's1', status: 'free', meta: { zone: 'north' } }]);
        const excluded = await collection.find({ _id: 's4' }, { projection: { holds: 0, price: 0, _id: 0 } });
        expect(excluded).toEqual([{ section: 'B', row: 1, number: 1, status: 'free' }]);
      });

      it('finds one document, by _id or by filter with sort, or null', async () => {
        expect(await collection.findOne({ _id: 's3' })).toMatchObject({ _id: 's3', status: 'sold' });
        expect(await collection.findOne({ _id: 's3', status: 'free' })).toBeNull();
        expect((await collection.findOne({ section: 'B' }, { sort: { number: -1 } }))?._id).toBe('s5');
        expect(await collection.findOne({ _id: 'nope' })).toBeNull();
        expect(ids(await collection.find({ _id: { $in: ['s2', 's4', 'nope'] } }))).toEqual(['s2', 's4']);
      });

      it('counts documents', async () => {
        expect(await collection.countDocuments()).toBe(5);
        expect(await collection.countDocuments({ status: 'held' })).toBe(2);
        expect(await store.collection(uniqueName('empty')).countDocuments()).toBe(0);
      });

      it('hands out copies: mutating a result does not change the store', async () => {
        const found = await collection.findOne({ _id: 's2' });
        found!.status = 'sold';
        found!.holds!.push('intruder');
        const many = await collection.find({ _id: 's2' });
        many[0].price = 1;
        expect(await collection.findOne({ _id: 's2' })).toMatchObject({ status: 'held', holds: ['b2', 'b3'], price: 50 });
      });

      it('finds the same documents read-only', async () => {
        const queries: [Record<string, unknown>, Record<string, unknown>][] = [
          [{}, {}],
          [{ status: 'held' }, { sort: { _id: -1 } }],
          [{ _id: { $in: ['s1', 's5'] } }, { sort: { price: 1 }, skip: 1, limit: 1 }],
          [{ section: 'A' }, { projection: { status: 1, 'meta.zone': 1 } }],
        ];
        for (const [filter, options] of queries) {
          expect(await collection.find(filter, { ...options, readOnly: true })).toEqual(await collection.find(filter, options));
        }
        expect(await collection.findOne({ _id: 's1' }, { readOnly: true })).toEqual(await collection.findOne({ _id: 's1' }));
        expect(await collection.findOne({ section: 'B' }, { sort: { number: -1 }, readOnly: true })).toMatchObject({ _id: 's5' });
        expect(await collection.findOne({ _id: 'nope' }, { readOnly: true })).toBeNull();
      });
    });

    describe('read-only results', () => {
      it('stay as they were read when the store changes the document', async () => {
        const collection = seats();
        await collection.insertOne(seat('r1', { holds: ['b1'], meta: { zone: 'north' } }));
        const before = await collection.findOne({ _id: 'r1' }, { readOnly: true });
        const [listed] = await collection.find({ _id: 'r1' }, { readOnly: true });
        const expected = seat('r1', { holds: ['b1'], meta: { zone: 'north' } });
        await collection.updateOne({ _id: 'r1' }, { $set: { status: 'held', 'meta.zone': 'south' }, $push: { holds: 'b2' } });
        expect(before).toEqual(expected);
        expect(listed).toEqual(expected);
        const updated = await collection.findOne({ _id: 'r1' }, { readOnly: true });
        await collection.replaceOne({ _id: 'r1' }, seat('r1', { status: 'sold' }));
        expect(updated).toEqual(seat('r1', { status: 'held', holds: ['b1', 'b2'], meta: { zone: 'south' } }));
        expect(await collection.findOne({ _id: 'r1' })).toEqual(seat('r1', { status: 'sold' }));
      });
    });

    describe('insert', () => {
      it('stores a copy of the inserted document', async () => {
        const collection = seats();
        const document = seat('x1', { holds: ['a'] });
        await collection.insertOne(document);
        document.holds!.push('b');
        expect((await collection.findOne({ _id: 'x1' }))?.holds).toEqual(['a']);
      });

      it('refuses a duplicate _id with DuplicateKeyError', async () => {
        const collection = seats();
        await collection.insertOne(seat('x1'));
        await expect(collection.insertOne(seat('x1', { row: 9 }))).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(await collection.findOne({ _id: 'x1' })).toMatchObject({ row: 1 });
      });

      it('inserts many in order and stops at the first duplicate', async () => {
        const collection = seats();
        await expect(collection.insertMany([seat('a'), seat('b'), seat('a'), seat('c')])).rejects.toBeInstanceOf(DuplicateKeyError);
        expect((await collection.find({}, { sort: { _id: 1 } })).map((d) => d._id)).toEqual(['a', 'b']);
      });
    });

    describe('update', () => {
      it('applies $set, $inc, $unset, $max and $min to the first match', async () => {
        const collection = seats();
        await collection.insertMany([seat('u1', { price: 10 }), seat('u2', { price: 10 })]);
        const result = await collection.updateOne(
          { _id: 'u1' },
          { $set: { status: 'held', 'meta.zone': 'east' }, $inc: { price: 5 }, $unset: { number: '' } },
        );
        expect(result).toEqual({ matchedCount: 1, modifiedCount: 1, upsertedId: null });
        expect(await collection.findOne({ _id: 'u1' })).toEqual({
          _id: 'u1', section: 'A', row: 1, status: 'held', price: 15, meta: { zone: 'east' },
        });
        await collection.updateOne({ _id: 'u1' }, { $max: { price: 12, row: 3 } });
        await collection.updateOne({ _id: 'u1' }, { $min: { row: 2 } });
        expect(await collection.findOne({ _id: 'u1' })).toMatchObject({ price: 15, row: 2 });
        expect(await collection.findOne({ _id: 'u2' })).toMatchObject({ price: 10, status: 'free' });
      });

      it('treats $inc on a missing field as starting from zero', async () => {
        const collection = seats();
        await collection.insertOne(seat('u1'));
        await collection.updateOne({ _id: 'u1' }, { $inc: { 'stats.sold': 2, views: 1 } });
        expect(await collection.findOne({ _id: 'u1' })).toMatchObject({ stats: { sold: 2 }, views: 1 });
      });

      it('pushes, adds to set and pulls array elements', async () => {
        const collection = seats();
        await collection.insertOne(seat('u1', { holds: ['b1'] }));
        await collection.updateOne({ _id: 'u1' }, { $push: { holds: 'b2' } });
        await collection.updateOne({ _id: 'u1' }, { $push: { holds: { $each: ['b3', 'b4'] } } });
        await collection.updateOne({ _id: 'u1' }, { $addToSet: { holds: 'b1' } });
        await collection.updateOne({ _id: 'u1' }, { $pull: { holds: 'b2' } });
        await collection.updateOne({ _id: 'u1' }, { $pull: { holds: { $in: ['b4'] } } });
        await collection.updateOne({ _id: 'u1' }, { $push: { lines: { seat: 's1', price: 10 } } });
        await collection.updateOne({ _id: 'u1' }, { $push: { lines: { seat: 's2', price: 20 } } });
        await collection.updateOne({ _id: 'u1' }, { $pull: { lines: { seat: 's1' } } });
        expect(await collection.findOne({ _id: 'u1' })).toMatchObject({ holds: ['b1', 'b3'], lines: [{ seat: 's2', price: 20 }] });
      });

      it('reports an unchanged document as matched but not modified', async () => {
        const collection = seats();
        await collection.insertOne(seat('u1'));
        expect(await collection.updateOne({ _id: 'u1' }, { $set: { status: 'free' } })).toEqual({
          matchedCount: 1, modifiedCount: 0, upsertedId: null,
        });
        expect(await collection.updateOne({ _id: 'none' }, { $set: { status: 'free' } })).toEqual({
          matchedCount: 0, modifiedCount: 0, upsertedId: null,
        });
      });

      it('updates every match with updateMany', async () => {
        const collection = seats();
        await collection.insertMany([seat('a', { status: 'held' }), seat('b', { status: 'held' }), seat('c')]);
        const result = await collection.updateMany({ status: 'held' }, { $set: { status: 'free' } });
        expect(result).toEqual({ matchedCount: 2, modifiedCount: 2, upsertedId: null });
        expect(await collection.countDocuments({ status: 'free' })).toBe(3);
      });

      it('upserts a document seeded from the equality fields of the filter', async () => {
        const collection = seats();
        const result = await collection.updateOne(
          { _id: 'show-1', 'venue.city': 'Lyon', kind: { $eq: 'concert' }, price: { $gt: 10 } },
          { $set: { title: 'Night' }, $inc: { sold: 1 } },
          { upsert: true },
        );
        expect(result).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedId: 'show-1' });
        expect(await collection.findOne({ _id: 'show-1' })).toEqual({
          _id: 'show-1', venue: { city: 'Lyon' }, kind: 'concert', title: 'Night', sold: 1,
        });
      });

      it('applies $setOnInsert only when the upsert inserts', async () => {
        const collection = seats();
        const upsert = (sold: number) =>
          collection.updateOne({ _id: 'b1' }, { $setOnInsert: { createdAt: `t${sold}` }, $set: { sold } }, { upsert: true });
        expect((await upsert(1)).upsertedId).toBe('b1');
        expect(await upsert(2)).toEqual({ matchedCount: 1, modifiedCount: 1, upsertedId: null });
        expect(await collection.findOne({ _id: 'b1' })).toEqual({ _id: 'b1', createdAt: 't1', sold: 2 });
      });

      it('upserts without an _id in the filter by making one', async () => {
        const collection = seats();
        const result = await collection.updateOne({ userId: 'u9' }, { $set: { count: 1 } }, { upsert: true });
        expect(typeof result.upsertedId).toBe('string');
        expect(await collection.countDocuments({ userId: 'u9', count: 1 })).toBe(1);
      });
    });

    describe('replace and delete', () => {
      it('replaces a whole document, keeping its _id, and upserts when asked', async () => {
        const collection = seats();
        await collection.insertOne(seat('r1', { price: 10, holds: ['x'] }));
        expect(await collection.replaceOne({ _id: 'r1' }, seat('r1', { status: 'sold' }))).toEqual({
          matchedCount: 1, modifiedCount: 1, upsertedId: null,
        });
        expect(await collection.findOne({ _id: 'r1' })).toEqual(seat('r1', { status: 'sold' }));
        expect(await collection.replaceOne({ _id: 'r2' }, seat('r2'), { upsert: true })).toEqual({
          matchedCount: 0, modifiedCount: 0, upsertedId: 'r2',
        });
        expect(await collection.replaceOne({ _id: 'r3' }, seat('r3'))).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedId: null });
        expect(await collection.countDocuments()).toBe(2);
      });

      it('deletes one or many and returns how many went', async () => {
        const collection = seats();
        await collection.insertMany([seat('a'), seat('b', { status: 'held' }), seat('c', { status: 'held' }), seat('d', { status: 'held' })]);
        expect(await collection.deleteOne({ status: 'held' })).toBe(1);
        expect(await collection.deleteMany({ status: 'held' })).toBe(2);
        expect(await collection.deleteOne({ _id: 'nope' })).toBe(0);
        await collection.insertMany([seat('e', { status: 'held' }), seat('f', { status: 'sold' })]);
        expect(await collection.deleteMany({ _id: { $in: ['e', 'f', 'g'] }, status: 'held' })).toBe(1);
        expect(await collection.deleteMany({ _id: { $in: ['f'] } })).toBe(1);
        expect((await collection.find()).map((d) => d._id)).toEqual(['a']);
        await collection.insertOne(seat('b'));
        expect(await collection.countDocuments()).toBe(2);
      });
    });

    describe('unique indexes', () => {
      it('refuses an insert, update or upsert that would duplicate a unique key', async () => {
        const collection = seats();
        await collection.createIndex({ section: 1, row: 1, number: 1 }, { unique: true });
        await collection.insertOne(seat('a', { number: 1 }));
        await collection.insertOne(seat('b', { number: 2 }));
        await expect(collection.insertOne(seat('c', { number: 1 }))).rejects.toBeInstanceOf(DuplicateKeyError);
        await expect(collection.updateOne({ _id: 'b' }, { $set: { number: 1 } })).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(await collection.findOne({ _id: 'b' })).toMatchObject({ number: 2 });
        await expect(
          collection.updateOne({ _id: 'c' }, { $set: { section: 'A', row: 1, number: 2 } }, { upsert: true }),
        ).rejects.toBeInstanceOf(DuplicateKeyError);
        await expect(collection.replaceOne({ _id: 'a' }, seat('a', { number: 2 }))).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(await collection.countDocuments()).toBe(2);
        // A key freed by an update or a delete can be taken again.
        await collection.updateOne({ _id: 'b' }, { $set: { number: 3 } });
        await collection.insertOne(seat('c', { number: 2 }));
        await collection.deleteOne({ _id: 'a' });
        await collection.insertOne(seat('d', { number: 1 }));
        expect(await collection.countDocuments()).toBe(3);
      });

      it('refuses to create a unique index over existing duplicates', async () => {
        const collection = seats();
        await collection.insertMany([seat('a'), seat('b')]);
        await expect(collection.createIndex({ section: 1 }, { unique: true })).rejects.toThrow();
        await collection.createIndex({ section: 1 });
        await collection.createIndex({ section: 1 });
      });
    });

    describe('bulkWrite', () => {
      it('applies operations in order', async () => {
        const collection = seats();
        await collection.bulkWrite([
          { insertOne: { document: seat('a') } },
          { updateOne: { filter: { _id: 'a' }, update: { $set: { status: 'held' } } } },
          { updateOne: { filter: { _id: 'b' }, update: { $set: { status: 'sold' } }, upsert: true } },
          { insertOne: { document: seat('c') } },
          { updateMany: { filter: { status: { $ne: 'sold' } }, update: { $inc: { row: 1 } } } },
          { replaceOne: { filter: { _id: 'c' }, replacement: seat('c', { number: 9 }) } },
          { deleteOne: { filter: { _id: 'b' } } },
          { insertOne: { document: seat('d') } },
          { deleteMany: { filter: { _id: { $in: ['d'] } } } },
        ]);
        expect(await collection.find({}, { sort: { _id: 1 } })).toEqual([
          seat('a', { status: 'held', row: 2 }),
          seat('c', { number: 9 }),
        ]);
      });

      it('stops at the first failing operation, keeping the ones before', async () => {
        const collection = seats();
        await collection.insertOne(seat('a'));
        await expect(
          collection.bulkWrite([
            { updateOne: { filter: { _id: 'a' }, update: { $set: { status: 'held' } } } },
            { insertOne: { document: seat('a') } },
            { updateOne: { filter: { _id: 'a' }, update: { $set: { status: 'sold' } } } },
          ]),
        ).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(await collection.findOne({ _id: 'a' })).toMatchObject({ status: 'held' });
      });

      it('writes handed-over documents like any others, and never changes them afterwards', async () => {
        const collection = seats();
        await collection.insertOne(seat('a'));
        const inserted = seat('b', { holds: ['x'] });
        const replacing = seat('a', { status: 'held', holds: ['y'], meta: { zone: 'north' } });
        const upserted = seat('c', { number: 3 });
        await collection.bulkWrite(
          [
            { insertOne: { document: inserted } },
            { replaceOne: { filter: { _id: 'a' }, replacement: replacing } },
            { replaceOne: { filter: { _id: 'c' }, replacement: upserted, upsert: true } },
          ],
          { handOver: true },
        );
        expect(await collection.find({}, { sort: { _id: 1 } })).toEqual([
          seat('a', { status: 'held', holds: ['y'], meta: { zone: 'north' } }),
          seat('b', { holds: ['x'] }),
          seat('c', { number: 3 }),
        ]);
        // The store's own changes go to its documents, never to the ones it was given.
        await collection.updateMany({}, { $set: { status: 'sold', 'meta.zone': 'south' }, $push: { holds: 'z' } });
        expect([inserted, replacing, upserted]).toEqual([
          seat('b', { holds: ['x'] }),
          seat('a', { status: 'held', holds: ['y'], meta: { zone: 'north' } }),
          seat('c', { number: 3 }),
        ]);
        expect(await collection.findOne({ _id: 'a' })).toEqual(seat('a', { status: 'sold', holds: ['y', 'z'], meta: { zone: 'south' } }));
      });

      it('refuses a handed-over duplicate as any other', async () => {
        const collection = seats();
        await collection.insertOne(seat('a'));
        await expect(
          collection.bulkWrite([{ replaceOne: { filter: { status: 'none' }, replacement: seat('a', { row: 9 }), upsert: true } }], { handOver: true }),
        ).rejects.toBeInstanceOf(DuplicateKeyError);
        await expect(collection.bulkWrite([{ insertOne: { document: seat('a', { row: 9 }) } }], { handOver: true })).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(await collection.findOne({ _id: 'a' })).toEqual(seat('a'));
      });
    });

    describe('aggregate', () => {
      it('runs $match, $group with $sum, $sort, $project, $unwind and $limit', async () => {
        const collection = seats();
        await collection.insertMany([
          seat('a', { section: 'A', status: 'sold', price: 50, holds: ['x', 'y'] }),
          seat('b', { section: 'A', status: 'sold', price: 70 }),
          seat('c', { section: 'B', status: 'sold', price: 30, holds: ['z'] }),
          seat('d', { section: 'B', status: 'free', price: 30 }),
        ]);
        const revenue = await collection.aggregate([
          { $match: { status: 'sold' } },
          { $group: { _id: '$section', revenue: { $sum: '$price' }, seats: { $sum: 1 } } },
          { $sort: { revenue: -1 } },
          { $project: { _id: 0, section: '$_id', revenue: 1, seats: 1 } },
        ]);
        expect(revenue).toEqual([
          { section: 'A', revenue: 120, seats: 2 },
          { section: 'B', revenue: 30, seats: 1 },
        ]);
        const holds = await collection.aggregate([{ $unwind: '$holds' }, { $sort: { holds: 1 } }, { $limit: 2 }, { $project: { _id: 1, holds: 1 } }]);
        expect(holds).toEqual([{ _id: 'a', holds: 'x' }, { _id: 'a', holds: 'y' }]);
      });

      it('leaves the stored documents as they were', async () => {
        const collection = seats();
        await collection.insertOne(seat('a', { meta: { zone: 'north' } }));
        const changed = await collection.aggregate([{ $set: { 'meta.zone': 'south', status: 'sold' } }]);
        expect(changed).toEqual([seat('a', { status: 'sold', meta: { zone: 'south' } })]);
        expect(await collection.findOne({ _id: 'a' })).toEqual(seat('a', { meta: { zone: 'north' } }));
      });
    });

    describe('collections', () => {
      it('lists, drops and renames collections, the rename replacing the target', async () => {
        const live = uniqueName('live');
        const rebuilt = uniqueName('rebuilt');
        await store.collection<Seat>(live).insertMany([seat('old1', { number: 1 }), seat('old2', { number: 2 })]);
        await store.collection<Seat>(live).createIndex({ number: 1 }, { unique: true, name: 'by_number' });
        const next = store.collection<Seat>(rebuilt);
        await next.insertOne(seat('new1', { number: 5 }));
        await next.createIndex({ number: 1 }, { unique: true, name: 'by_number' });
        expect(await store.listCollections()).toEqual(expect.arrayContaining([live, rebuilt]));

        await store.renameCollection(rebuilt, live);
        const names = await store.listCollections();
        expect(names).toContain(live);
        expect(names).not.toContain(rebuilt);
        const switched = store.collection<Seat>(live);
        expect((await switched.find()).map((d) => d._id)).toEqual(['new1']);
        // The renamed collection kept its own unique index.
        await expect(switched.insertOne(seat('new2', { number: 5 }))).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(await store.collection(rebuilt).countDocuments()).toBe(0);

        await store.dropCollection(live);
        expect(await store.listCollections()).not.toContain(live);
        expect(await store.collection(live).countDocuments()).toBe(0);
        await store.dropCollection(uniqueName('never-existed'));
      });
    });

    describe('checkpoints', () => {
      it('saves, overwrites, reads and deletes a projection checkpoint', async () => {
        const projection = uniqueName('projection');
        expect(await store.getCheckpoint(projection)).toBeNull();
        await store.saveCheckpoint(projection, 41);
        await store.saveCheckpoint(projection, 1_234_567_890_123);
        expect(await store.getCheckpoint(projection)).toBe(1_234_567_890_123);
        await store.saveCheckpoint(uniqueName('other'), 7);
        await store.deleteCheckpoint(projection);
        expect(await store.getCheckpoint(projection)).toBeNull();
      });
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
};
