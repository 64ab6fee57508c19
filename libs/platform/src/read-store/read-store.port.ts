/**
 * ReadStore port: named collections of denormalised documents with MongoDB query and update
 * semantics, plus projection checkpoints. Two adapters (embedded on mingo, and MongoDB) pass
 * `read-store.contract.ts`. Read models are disposable: the log is the truth.
 */

export type Document = { _id: string } & Record<string, unknown>;
/** A MongoDB query filter (`{ status: 'held', 'seats.0': { $exists: true } }`). */
export type Filter = Record<string, unknown>;
/** MongoDB update operators: `$set`, `$inc`, `$push`, `$pull`, `$setOnInsert`, `$unset`. */
export type Update = Record<string, unknown>;
export type SortSpec = Record<string, 1 | -1>;

export interface FindOptions {
  sort?: SortSpec;
  limit?: number;
  skip?: number;
  projection?: Record<string, 0 | 1>;
  /**
   * The caller will not change the documents it gets, nor anything inside them. A store that
   * keeps documents in memory may then hand out its own instead of copies (the embedded one
   * freezes them); it never changes in place a document it has handed out, so what the caller
   * holds stays as it was read. Without it, results are copies the caller may change.
   */
  readOnly?: boolean;
}

export interface BulkWriteOptions {
  /**
   * The documents of `insertOne` and `replaceOne` are handed over: the caller will not change
   * them, nor anything inside them, afterwards. A store that keeps documents in memory may then
   * keep them instead of copies (the embedded one freezes them). The projection engine writes
   * documents it has just built this way.
   */
  handOver?: boolean;
}

export interface UpdateResult {
  matchedCount: number;
  modifiedCount: number;
  upsertedId: string | null;
}

export type WriteOperation<T extends Document = Document> =
  | { insertOne: { document: T } }
  | { updateOne: { filter: Filter; update: Update; upsert?: boolean } }
  | { updateMany: { filter: Filter; update: Update; upsert?: boolean } }
  | { replaceOne: { filter: Filter; replacement: T; upsert?: boolean } }
  | { deleteOne: { filter: Filter } }
  | { deleteMany: { filter: Filter } };

export interface ReadCollection<T extends Document = Document> {
  readonly name: string;
  find(filter?: Filter, options?: FindOptions): Promise<T[]>;
  findOne(filter: Filter, options?: Pick<FindOptions, 'projection' | 'sort' | 'readOnly'>): Promise<T | null>;
  countDocuments(filter?: Filter): Promise<number>;
  insertOne(document: T): Promise<void>;
  insertMany(documents: T[]): Promise<void>;
  updateOne(filter: Filter, update: Update, options?: { upsert?: boolean }): Promise<UpdateResult>;
  updateMany(filter: Filter, update: Update, options?: { upsert?: boolean }): Promise<UpdateResult>;
  replaceOne(filter: Filter, replacement: T, options?: { upsert?: boolean }): Promise<UpdateResult>;
  deleteOne(filter: Filter): Promise<number>;
  deleteMany(filter: Filter): Promise<number>;
  /** Ordered bulk write; stops at the first failing operation, like MongoDB's ordered mode. */
  bulkWrite(operations: WriteOperation<T>[], options?: BulkWriteOptions): Promise<void>;
  aggregate<R = Record<string, unknown>>(pipeline: Record<string, unknown>[]): Promise<R[]>;
  createIndex(keys: SortSpec, options?: { unique?: boolean; name?: string }): Promise<void>;
}

export abstract class ReadStore {
  abstract collection<T extends Document = Document>(name: string): ReadCollection<T>;
  abstract listCollections(): Promise<string[]>;
  abstract dropCollection(name: string): Promise<void>;
  /** Replace `to` with `from` (dropping the old `to`): how a rebuilt model is switched in. */
  abstract renameCollection(from: string, to: string): Promise<void>;
  /** Last position a projection has fully applied, or null when it has never run. */
  abstract getCheckpoint(projection: string): Promise<number | null>;
  abstract saveCheckpoint(projection: string, position: number): Promise<void>;
  abstract deleteCheckpoint(projection: string): Promise<void>;
  /** Throws when the store cannot be reached (used by /health). */
  abstract ping(): Promise<void>;
  abstract close(): Promise<void>;
}

/** A unique index was violated (MongoDB code 11000). */
export class DuplicateKeyError extends Error {
  constructor(collection: string, readonly key: unknown) {
    super(`duplicate key in ${collection}: ${JSON.stringify(key)}`);
    this.name = 'DuplicateKeyError';
  }
}
