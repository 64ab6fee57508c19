import {
  MongoClient,
  MongoServerError,
  type AnyBulkWriteOperation,
  type Collection,
  type Db,
  type Document as MongoDocument,
  type Filter as MongoFilter,
  type UpdateResult as MongoUpdateResult,
} from 'mongodb';
import {
  DuplicateKeyError,
  ReadStore,
  type BulkWriteOptions,
  type Document,
  type Filter,
  type FindOptions,
  type ReadCollection,
  type SortSpec,
  type Update,
  type UpdateResult,
  type WriteOperation,
} from '../read-store.port';

/**
 * The MongoDB ReadStore for the distributed mode, on the official driver. The port already
 * speaks MongoDB's query and update language, so this adapter passes filters and updates
 * through and only translates results and the duplicate-key error.
 */

export const CHECKPOINTS_COLLECTION = 'checkpoints';
const DUPLICATE_KEY = 11000;
const NAMESPACE_NOT_FOUND = 26;

export interface MongoReadStoreOptions {
  /** Database to use; defaults to the one named in the URL, else `tessera`. */
  dbName?: string;
}

/** `mongodb://host/db?…` → `db`; none when the URL names no database. */
export const databaseNameFromUrl = (url: string): string | undefined => {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]*)/.exec(url);
  const name = match?.[1] ? decodeURIComponent(match[1]) : '';
  return name === '' ? undefined : name;
};

const asFilter = (filter: Filter): MongoFilter<MongoDocument> => filter as MongoFilter<MongoDocument>;

const translate = (collection: string, error: unknown): unknown => {
  if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) {
    const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
    const first = Array.isArray(writeErrors) ? writeErrors[0] : writeErrors;
    const key =
      (error as { keyValue?: unknown }).keyValue ??
      (first as { err?: { keyValue?: unknown } } | undefined)?.err?.keyValue ??
      (first as { errmsg?: string } | undefined)?.errmsg ??
      error.message;
    return new DuplicateKeyError(collection, key);
  }
  return error;
};

const toUpdateResult = (result: MongoUpdateResult | MongoDocument): UpdateResult => ({
  matchedCount: result.matchedCount,
  modifiedCount: result.modifiedCount,
  upsertedId: result.upsertedId === null || result.upsertedId === undefined ? null : String(result.upsertedId),
});

class MongoReadCollection<T extends Document> implements ReadCollection<T> {
  constructor(
    readonly name: string,
    private readonly collection: Collection<MongoDocument>,
  ) {}

  // `readOnly` and `handOver` change nothing here: the driver's documents are always fresh.
  async find(filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    const { sort, limit, skip, projection } = options;
    return (await this.collection
      .find(asFilter(filter), { sort, limit, skip, projection })
      .toArray()) as unknown as T[];
  }

  async findOne(filter: Filter, options: Pick<FindOptions, 'projection' | 'sort' | 'readOnly'> = {}): Promise<T | null> {
    return (await this.collection.findOne(asFilter(filter), { projection: options.projection, sort: options.sort })) as unknown as T | null;
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    return this.collection.countDocuments(asFilter(filter));
  }

  async insertOne(document: T): Promise<void> {
    await this.guard(() => this.collection.insertOne({ ...document } as MongoDocument));
  }

  async insertMany(documents: T[]): Promise<void> {
    if (documents.length === 0) return;
    await this.guard(() => this.collection.insertMany(documents.map((d) => ({ ...d }) as MongoDocument), { ordered: true }));
  }

  async updateOne(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    return toUpdateResult(await this.guard(() => this.collection.updateOne(asFilter(filter), update, { upsert: options.upsert ?? false })));
  }

  async updateMany(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    return toUpdateResult(await this.guard(() => this.collection.updateMany(asFilter(filter), update, { upsert: options.upsert ?? false })));
  }

  async replaceOne(filter: Filter, replacement: T, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    return toUpdateResult(
      await this.guard(() => this.collection.replaceOne(asFilter(filter), { ...replacement } as MongoDocument, { upsert: options.upsert ?? false })),
    );
  }

  async deleteOne(filter: Filter): Promise<number> {
    return (await this.collection.deleteOne(asFilter(filter))).deletedCount;
  }

  async deleteMany(filter: Filter): Promise<number> {
    return (await this.collection.deleteMany(asFilter(filter))).deletedCount;
  }

  async bulkWrite(operations: WriteOperation<T>[], _options: BulkWriteOptions = {}): Promise<void> {
    if (operations.length === 0) return;
    // Our operation shapes are the driver's; copy inserted documents, which the driver mutates.
    const driverOperations = operations.map((operation) =>
      'insertOne' in operation ? { insertOne: { document: { ...operation.insertOne.document } } } : operation,
    ) as AnyBulkWriteOperation<MongoDocument>[];
    await this.guard(() => this.collection.bulkWrite(driverOperations, { ordered: true }));
  }

  async aggregate<R = Record<string, unknown>>(pipeline: Record<string, unknown>[]): Promise<R[]> {
    return (await this.collection.aggregate(pipeline).toArray()) as R[];
  }

  async createIndex(keys: SortSpec, options: { unique?: boolean; name?: string } = {}): Promise<void> {
    await this.guard(() => this.collection.createIndex(keys, { unique: options.unique ?? false, ...(options.name ? { name: options.name } : {}) }));
  }

  private async guard<R>(operation: () => Promise<R>): Promise<R> {
    try {
      return await operation();
    } catch (error) {
      throw translate(this.name, error);
    }
  }
}

interface CheckpointDocument extends Document {
  position: number;
}

export class MongoReadStore extends ReadStore {
  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {
    super();
  }

  static async connect(url: string, options: MongoReadStoreOptions = {}): Promise<MongoReadStore> {
    const client = new MongoClient(url);
    await client.connect();
    return new MongoReadStore(client, client.db(options.dbName ?? databaseNameFromUrl(url) ?? 'tessera'));
  }

  get databaseName(): string {
    return this.db.databaseName;
  }

  collection<T extends Document = Document>(name: string): ReadCollection<T> {
    return new MongoReadCollection<T>(name, this.db.collection<MongoDocument>(name));
  }

  async listCollections(): Promise<string[]> {
    const collections = await this.db.listCollections({}, { nameOnly: true }).toArray();
    return collections
      .map((c) => c.name)
      .filter((name) => !name.startsWith('system.'))
      .sort();
  }

  async dropCollection(name: string): Promise<void> {
    try {
      await this.db.dropCollection(name);
    } catch (error) {
      if (error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND) return;
      throw error;
    }
  }

  async renameCollection(from: string, to: string): Promise<void> {
    if (from === to) return;
    await this.db.renameCollection(from, to, { dropTarget: true });
  }

  async getCheckpoint(projection: string): Promise<number | null> {
    const checkpoint = await this.checkpoints().findOne({ _id: projection });
    return checkpoint ? Number(checkpoint.position) : null;
  }

  async saveCheckpoint(projection: string, position: number): Promise<void> {
    await this.checkpoints().updateOne({ _id: projection }, { $set: { position } }, { upsert: true });
  }

  async deleteCheckpoint(projection: string): Promise<void> {
    await this.checkpoints().deleteOne({ _id: projection });
  }

  async ping(): Promise<void> {
    await this.db.admin().command({ ping: 1 });
  }

  /** Drops the whole database: for tests that made one of their own. */
  async dropDatabase(): Promise<void> {
    await this.db.dropDatabase();
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private checkpoints(): ReadCollection<CheckpointDocument> {
    return this.collection<CheckpointDocument>(CHECKPOINTS_COLLECTION);
  }
}
