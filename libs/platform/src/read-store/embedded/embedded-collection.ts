import { randomUUID } from 'node:crypto';
import { Aggregator, Query, find as mingoFind, update as mingoUpdate } from 'mingo';
import {
  DuplicateKeyError,
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
import { copyValue, freezeDocument } from './document-copy';
import { applyFieldUpdate, canApplyFieldUpdate, planFieldUpdate } from './field-update';
import type { StringTable } from './string-table';
import { seedFromFilter, valuesAt } from './upsert-seed';

/**
 * One in-memory collection. Documents live in a Map keyed by `_id` (insertion order is the
 * natural order), so lookups by `_id` are O(1) however large the collection. Everything handed
 * out is a copy, so a caller mutating a result never changes the store, except where the caller
 * asks for read-only documents or hands its documents over (the projection engine, which would
 * otherwise copy every document twice per batch): those are shared, and frozen. The store
 * changes a frozen document only by replacing it with a changed copy, so what a caller holds
 * never changes under it.
 */

const UPDATE_OPERATORS = new Set([
  '$set', '$inc', '$push', '$pull', '$setOnInsert', '$unset', '$addToSet', '$max', '$min', '$mul', '$pullAll', '$pop', '$rename',
]);

export interface IndexDefinition {
  name: string;
  keys: SortSpec;
  unique: boolean;
}

interface UniqueIndex {
  definition: IndexDefinition;
  paths: string[];
  /** Encoded key values → `_id` of the document holding them. */
  owners: Map<string, string>;
}

const copy = copyValue;

const indexKey = (document: Record<string, unknown>, paths: readonly string[]): string =>
  JSON.stringify(valuesAt(document, paths));

export class EmbeddedCollection<T extends Document = Document> implements ReadCollection<T> {
  private documents = new Map<string, T>();
  private readonly indexes = new Map<string, UniqueIndex | IndexDefinition>();
  /** The unique ones among `indexes`, kept apart: every write consults them. */
  private uniques: UniqueIndex[] = [];
  /**
   * `_id`s written or removed since the last `takeChanged()`: what the next snapshot journal
   * segment holds. Undefined in a store without snapshots, where nothing would ever take them.
   */
  private changed: Set<string> | undefined;
  /**
   * Moves on whenever the collection loses its documents at once (dropped, replaced by a rename):
   * the snapshot then writes the whole store again instead of a journal segment.
   */
  private resetCount = 0;

  constructor(
    readonly name: string,
    /** Called on the first write so the store lists this collection from then on, like MongoDB. */
    private readonly materialise: () => void = () => undefined,
    /** Shared by the store's collections: the strings of every document kept are passed through it. */
    private readonly strings?: StringTable,
    /** Whether the `_id`s of changed documents are kept for `takeChanged()` (a store that saves snapshots). */
    trackChanges = false,
  ) {
    if (trackChanges) this.changed = new Set();
  }

  // ---- reads -------------------------------------------------------------------------------

  async find(filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    return this.findSync(filter, options);
  }

  async findOne(filter: Filter, options: Pick<FindOptions, 'projection' | 'sort' | 'readOnly'> = {}): Promise<T | null> {
    const id = idOnly(filter);
    if (id !== undefined && !options.projection) {
      const hit = this.documents.get(id);
      if (!hit) return null;
      return options.readOnly ? freezeDocument(hit) : copy(hit);
    }
    return this.findSync(filter, { ...options, limit: 1 })[0] ?? null;
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    if (Object.keys(filter).length === 0) return this.documents.size;
    return this.matching(filter).length;
  }

  async aggregate<R = Record<string, unknown>>(pipeline: Record<string, unknown>[]): Promise<R[]> {
    // On copies: mingo's $set and $addFields stages change the nested objects of their input,
    // and other stages pass input documents through ($match, $sort).
    return new Aggregator(pipeline).run(copy([...this.documents.values()])) as R[];
  }

  // ---- writes ------------------------------------------------------------------------------

  async insertOne(document: T): Promise<void> {
    this.insertSync(document);
  }

  async insertMany(documents: T[]): Promise<void> {
    // Ordered like MongoDB's default: documents before the failing one stay inserted.
    for (const document of documents) this.insertSync(document);
  }

  async updateOne(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    return this.updateSync(filter, update, options.upsert ?? false, false);
  }

  async updateMany(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    return this.updateSync(filter, update, options.upsert ?? false, true);
  }

  async replaceOne(filter: Filter, replacement: T, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    return this.replaceSync(filter, replacement, options.upsert ?? false);
  }

  async deleteOne(filter: Filter): Promise<number> {
    const [target] = this.matching(filter, 1);
    if (!target) return 0;
    this.remove(target);
    return 1;
  }

  async deleteMany(filter: Filter): Promise<number> {
    const targets = this.matching(filter);
    for (const target of targets) this.remove(target);
    return targets.length;
  }

  async bulkWrite(operations: WriteOperation<T>[], options: BulkWriteOptions = {}): Promise<void> {
    const handOver = options.handOver ?? false;
    for (const operation of operations) {
      if ('insertOne' in operation) this.insertSync(operation.insertOne.document, handOver);
      else if ('updateOne' in operation) {
        const { filter, update, upsert } = operation.updateOne;
        this.updateSync(filter, update, upsert ?? false, false);
      } else if ('updateMany' in operation) {
        const { filter, update, upsert } = operation.updateMany;
        this.updateSync(filter, update, upsert ?? false, true);
      } else if ('replaceOne' in operation) {
        const { filter, replacement, upsert } = operation.replaceOne;
        this.replaceSync(filter, replacement, upsert ?? false, handOver);
      } else if ('deleteOne' in operation) await this.deleteOne(operation.deleteOne.filter);
      else if ('deleteMany' in operation) await this.deleteMany(operation.deleteMany.filter);
      else throw new Error(`unknown bulk operation ${JSON.stringify(Object.keys(operation))}`);
    }
  }

  async createIndex(keys: SortSpec, options: { unique?: boolean; name?: string } = {}): Promise<void> {
    this.materialise();
    const name = options.name ?? Object.entries(keys).map(([path, dir]) => `${path}_${dir}`).join('_');
    if (this.indexes.has(name)) return;
    const definition: IndexDefinition = { name, keys, unique: options.unique ?? false };
    if (!definition.unique) {
      // A non-unique index changes no result; scans stay fast enough for in-memory read models.
      this.indexes.set(name, definition);
      return;
    }
    const index: UniqueIndex = { definition, paths: Object.keys(keys), owners: new Map() };
    for (const document of this.documents.values()) {
      const key = indexKey(document, index.paths);
      if (index.owners.has(key)) throw new DuplicateKeyError(this.name, valuesAt(document, index.paths));
      index.owners.set(key, document._id);
    }
    this.indexes.set(name, index);
    this.uniques.push(index);
  }

  // ---- for the store and snapshots ---------------------------------------------------------

  get size(): number {
    return this.documents.size;
  }

  /** Empties the collection and drops its indexes (dropCollection). */
  clear(): void {
    this.documents = new Map();
    this.indexes.clear();
    this.uniques = [];
    this.changed &&= new Set();
    this.resetCount += 1;
  }

  /** Moves `source`'s documents and indexes here, replacing what was here (renameCollection). */
  takeOver(source: EmbeddedCollection<T>): void {
    this.documents = source.documents;
    this.indexes.clear();
    for (const [name, index] of source.indexes) this.indexes.set(name, index);
    this.uniques = source.uniques;
    source.documents = new Map();
    source.indexes.clear();
    source.uniques = [];
    // Every document here is new to this name: a snapshot that journals the move (this name was
    // not on disk yet) must write them all. Where the name was on disk, the reset makes it whole.
    this.changed &&= new Set(this.documents.keys());
    source.changed &&= new Set();
    this.resetCount += 1;
    source.resetCount += 1;
  }

  /** See `resetCount`. */
  get resets(): number {
    return this.resetCount;
  }

  /** The `_id`s written or removed since the last call (the snapshot journal's next segment), and forgets them. */
  takeChanged(): Set<string> {
    if (!this.changed) throw new Error(`${this.name}: changes are only kept in a store that saves snapshots`);
    const changed = this.changed;
    this.changed = new Set();
    return changed;
  }

  /** A stored document without copying, or undefined: only for snapshot writing, which serialises it. */
  storedDocument(id: string): T | undefined {
    return this.documents.get(id);
  }

  /** A document named by a snapshot journal segment goes (it changed or was removed). */
  restoreRemoval(id: string): void {
    const target = this.documents.get(id);
    if (target) this.remove(target);
  }

  indexDefinitions(): IndexDefinition[] {
    return [...this.indexes.values()].map((index) => ('definition' in index ? index.definition : index));
  }

  /**
   * Keeps a document read back from a snapshot as it is, without copying it: nobody else holds
   * it (the snapshot reader parsed it for this). Like insertOne otherwise.
   */
  restore(document: T): void {
    if (typeof document._id !== 'string') throw new Error(`${this.name}: documents need a string _id`);
    if (this.documents.has(document._id)) throw new DuplicateKeyError(this.name, { _id: document._id });
    this.store(this.own(document), null);
  }

  /** Stored documents without copying: only for snapshot writing, which serialises them. */
  storedDocuments(): IterableIterator<T> {
    return this.documents.values();
  }

  // ---- internals ---------------------------------------------------------------------------

  private findSync(filter: Filter, options: FindOptions): T[] {
    let found = this.matching(filter, options.sort || options.skip ? undefined : options.limit);
    if (options.sort || options.skip || options.projection) {
      let cursor = mingoFind(found, {}, options.projection);
      if (options.sort) cursor = cursor.sort(options.sort);
      if (options.skip) cursor = cursor.skip(options.skip);
      if (options.limit) cursor = cursor.limit(options.limit);
      found = cursor.all() as T[];
    }
    // A projection's output shares nested objects with stored documents: always a copy.
    if (options.readOnly && !options.projection) return found.map(freezeDocument);
    return copy(found);
  }

  /** Stored documents matching the filter, in natural order; uses the `_id` map where it can. */
  private matching(filter: Filter, limit?: number): T[] {
    const id = idOnly(filter);
    if (id !== undefined) {
      const hit = this.documents.get(id);
      return hit ? [hit] : [];
    }
    const idCondition = filter._id;
    let candidates: Iterable<T>;
    // What the candidates must still be tested for: with the `_id` map's answer, the rest of the
    // filter (testing `_id: {$in: [n ids]}` again would cost n per candidate).
    let rest = filter;
    if (typeof idCondition === 'string') {
      const hit = this.documents.get(idCondition);
      candidates = hit ? [hit] : [];
      rest = withoutId(filter);
    } else if (isInList(idCondition)) {
      candidates = idCondition.$in.flatMap((id) => {
        const hit = typeof id === 'string' ? this.documents.get(id) : undefined;
        return hit ? [hit] : [];
      });
      rest = withoutId(filter);
    } else {
      candidates = this.documents.values();
    }
    const test = testOf(rest);
    const result: T[] = [];
    for (const document of candidates) {
      if (test && !test(document as Record<string, unknown>)) continue;
      result.push(document);
      if (limit !== undefined && limit > 0 && result.length >= limit) break;
    }
    return result;
  }

  private insertSync(document: T, handOver = false): void {
    if (typeof document._id !== 'string') throw new Error(`${this.name}: documents need a string _id`);
    if (this.documents.has(document._id)) throw new DuplicateKeyError(this.name, { _id: document._id });
    this.store(handOver ? freezeDocument(this.own(document)) : this.own(copy(document)), null);
  }

  /** A document the collection now owns (its copy, or one handed over), with its strings shared through the table. */
  private own<D>(document: D): D {
    this.strings?.internAll(document);
    return document;
  }

  /** Keeps `next` (the collection's own copy), in place of `previous` if any. */
  private store(next: T, previous: T | null): void {
    if (typeof next._id !== 'string') throw new Error(`${this.name}: documents need a string _id`);
    if (this.uniques.length > 0) this.claimUniqueKeys(next, previous);
    this.documents.set(next._id, next);
    this.changed?.add(next._id);
    this.materialise();
  }

  private updateSync(filter: Filter, update: Update, upsert: boolean, many: boolean): UpdateResult {
    const { onInsert, modifier } = splitUpdate(update);
    const targets = this.matching(filter, many ? undefined : 1);
    if (targets.length === 0) {
      if (!upsert) return { matchedCount: 0, modifiedCount: 0, upsertedId: null };
      const seeded = seedFromFilter(filter) as T;
      if (seeded._id === undefined) (seeded as Record<string, unknown>)._id = randomUUID();
      if (onInsert) modify(seeded, { $set: onInsert });
      if (modifier) modify(seeded, modifier);
      this.insertSync(seeded);
      return { matchedCount: 0, modifiedCount: 0, upsertedId: seeded._id };
    }
    let modifiedCount = 0;
    for (const target of targets) {
      if (modifier && this.applyUpdate(target, modifier)) modifiedCount += 1;
    }
    return { matchedCount: targets.length, modifiedCount, upsertedId: null };
  }

  /** Updates one stored document; returns whether anything changed. */
  private applyUpdate(target: T, modifier: Record<string, unknown>): boolean {
    if (this.uniques.length === 0 && !Object.isFrozen(target)) {
      // In place, without copying: a user's list of thousands of bookings must not be cloned
      // per patch. Only a document nobody else holds (not frozen) is changed in place.
      if (!modify(target, modifier)) return false;
      this.changed?.add(target._id);
      return true;
    }
    const next = copy(target);
    const changed = modify(next, modifier);
    if (!changed) return false;
    this.store(this.own(next), target);
    return true;
  }

  private replaceSync(filter: Filter, replacement: T, upsert: boolean, handOver = false): UpdateResult {
    for (const key in replacement) {
      if (key.startsWith('$')) throw new Error('replaceOne takes a document, not update operators');
    }
    const id = idOnly(filter);
    const target = id !== undefined ? this.documents.get(id) : this.matching(filter, 1)[0];
    if (!target) {
      if (!upsert) return { matchedCount: 0, modifiedCount: 0, upsertedId: null };
      // An upsert by `_id` has just found no document with it: no need to look again.
      const taken = (candidate: string): boolean => candidate !== id && this.documents.has(candidate);
      if (handOver && typeof replacement._id === 'string') {
        if (taken(replacement._id)) throw new DuplicateKeyError(this.name, { _id: replacement._id });
        this.store(freezeDocument(this.own(replacement)), null);
        return { matchedCount: 0, modifiedCount: 0, upsertedId: replacement._id };
      }
      const document = copy(replacement);
      document._id ??= (seedFromFilter(filter)._id as string | undefined) ?? randomUUID();
      if (taken(document._id)) throw new DuplicateKeyError(this.name, { _id: document._id });
      this.store(this.own(document), null);
      return { matchedCount: 0, modifiedCount: 0, upsertedId: document._id };
    }
    if (replacement._id !== undefined && replacement._id !== target._id) {
      throw new Error(`${this.name}: the _id of a document cannot change (${target._id})`);
    }
    let next: T;
    if (handOver && replacement._id === target._id) next = freezeDocument(this.own(replacement));
    else {
      next = copy(replacement);
      next._id = target._id;
      this.own(next);
    }
    this.store(next, target);
    return { matchedCount: 1, modifiedCount: 1, upsertedId: null };
  }

  private remove(target: T): void {
    this.documents.delete(target._id);
    this.changed?.add(target._id);
    for (const index of this.uniques) index.owners.delete(indexKey(target, index.paths));
  }

  /**
   * Checks every unique index for `next` (replacing `previous`, if any) and, only when all pass,
   * moves the index entries: a violation leaves the collection unchanged.
   */
  private claimUniqueKeys(next: T, previous: T | null): void {
    const uniques = this.uniques;
    const keys = uniques.map((index) => indexKey(next, index.paths));
    uniques.forEach((index, i) => {
      const owner = index.owners.get(keys[i]);
      if (owner !== undefined && owner !== next._id) {
        throw new DuplicateKeyError(this.name, Object.fromEntries(index.paths.map((p, j) => [p, valuesAt(next, index.paths)[j]])));
      }
    });
    uniques.forEach((index, i) => {
      if (previous) index.owners.delete(indexKey(previous, index.paths));
      index.owners.set(keys[i], next._id);
    });
  }
}

/** Applies update operators to `document` in place; returns whether it changed. */
const modify = (document: Record<string, unknown>, modifier: Record<string, unknown>): boolean => {
  const plan = planFieldUpdate(modifier);
  if (plan && canApplyFieldUpdate(document, plan)) return applyFieldUpdate(document, plan);
  return mingoUpdate(document, modifier).length > 0;
};

/** The `_id` of a filter that is exactly `{ _id: '<string>' }`, the engine's every lookup. */
const idOnly = (filter: Filter): string | undefined => {
  const id = filter._id;
  if (typeof id !== 'string') return undefined;
  for (const key in filter) if (key !== '_id') return undefined;
  return id;
};

const withoutId = (filter: Filter): Filter => {
  const { _id: _ignored, ...rest } = filter;
  return rest;
};

/** A string, finite number or boolean: a value whose equality is `===` unless the field holds an array. */
const isScalar = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

/**
 * The filter as a test of one document; null when every document passes. A filter of top-level
 * fields equal to scalars (`{ outcome: 'delivered' }`) is tested with `===`, and handed to mingo
 * for a document where that says no while the field holds an array (which matches a member);
 * any other filter is mingo's.
 */
const testOf = (filter: Filter): ((document: Record<string, unknown>) => boolean) | null => {
  const keys = Object.keys(filter);
  if (keys.length === 0) return null;
  let query: Query | undefined;
  const mingo = (document: Record<string, unknown>): boolean => (query ??= new Query(filter)).test(document);
  if (!keys.every((key) => key[0] !== '$' && !key.includes('.') && isScalar(filter[key]))) return mingo;
  return (document) => {
    for (const key of keys) {
      const value = document[key];
      if (value !== filter[key]) return Array.isArray(value) && mingo(document);
    }
    return true;
  };
};

const isInList = (condition: unknown): condition is { $in: unknown[] } =>
  typeof condition === 'object' &&
  condition !== null &&
  Object.keys(condition).length === 1 &&
  Array.isArray((condition as { $in?: unknown }).$in);

/** Separates `$setOnInsert` (applied only when an upsert inserts) from the other operators. */
const splitUpdate = (
  update: Update,
): { onInsert: Record<string, unknown> | null; modifier: Record<string, unknown> | null } => {
  const keys = Object.keys(update);
  if (keys.length === 0) throw new Error('an update needs at least one operator');
  for (const key of keys) {
    if (!UPDATE_OPERATORS.has(key)) throw new Error(`unsupported update operator ${key} (updates need operators such as $set)`);
  }
  for (const [operator, fields] of Object.entries(update)) {
    if (operator !== '$setOnInsert' && fields && typeof fields === 'object' && Object.keys(fields).some((f) => f === '_id')) {
      throw new Error(`${operator} cannot change _id`);
    }
  }
  const { $setOnInsert, ...rest } = update;
  return {
    onInsert: ($setOnInsert as Record<string, unknown> | undefined) ?? null,
    modifier: Object.keys(rest).length > 0 ? rest : null,
  };
};
