import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import type { Document, ReadCollection, ReadStore } from '@tessera/platform/read-store/read-store.port';
import type { ProjectionDescriptor, ReadModelDocument } from '@tessera/read-models';

// Shared with the query side, which reads the same collections: defined in libs/read-models.
export { collectionName, type ReadModelDocument } from '@tessera/read-models';

/**
 * What a projection is: a named set of read-model collections and an `apply` that feeds one
 * recorded event through pure `evolve(doc, event)` functions. Documents carry `_position`, the
 * last log position applied to them, so an event delivered twice changes nothing.
 */

/** A field path (`bookings.<id>`) and its new value; `undefined` unsets it. */
export type FieldChange = readonly [path: string, value: unknown];

interface PendingPatch {
  position: number;
  fields: Map<string, unknown>;
}

/** A projection's descriptor (libs/read-models) and how it feeds events to the documents. */
export interface Projection extends ProjectionDescriptor {
  apply(event: RecordedEvent, docs: DocumentBatch): Promise<void>;
}

/**
 * A value now, or a promise of it. A rebuild applies every event to documents this batch
 * already holds far more often than it loads one; answering those without a promise spares
 * several promise allocations and microtask turns per event. Callers simply `await` it.
 */
export type Awaitable<T> = T | Promise<T>;

/**
 * The documents one batch of events reads and writes: loaded once, evolved in memory, written
 * back together (one bulkWrite per collection) before the checkpoint moves.
 */
export class DocumentBatch {
  /** Per logical collection: `_id` → the batch's version (null: known not to exist). */
  private readonly cache = new Map<string, Map<string, ReadModelDocument | null>>();
  private readonly collections = new Map<string, ReadCollection>();
  private readonly dirty = new Map<string, Set<string>>();
  /** Field-level changes to documents too large to load and rewrite per batch (per-user lists). */
  private readonly patches = new Map<string, Map<string, PendingPatch>>();

  constructor(
    private readonly store: ReadStore,
    /** Logical → physical collection name. */
    private readonly physical: (logical: string) => string,
    /**
     * Positions of patched documents as this writer last wrote them, kept across batches by the
     * engine so that a patched document is not read back every batch. Only a lower bound is
     * needed: a stale entry re-applies a patch, which sets the same values again.
     */
    private readonly patchedPositions: Map<string, number> = new Map(),
  ) {}

  get<T extends ReadModelDocument>(collection: string, id: string): Awaitable<T | null> {
    const docs = this.cachedIn(collection);
    const cached = docs.get(id);
    if (cached !== undefined) return cached as T | null;
    return this.load<T>(collection, docs, id);
  }

  put(collection: string, doc: ReadModelDocument): void {
    this.cachedIn(collection).set(doc._id, doc);
    let ids = this.dirty.get(collection);
    if (!ids) this.dirty.set(collection, (ids = new Set()));
    ids.add(doc._id);
  }

  /**
   * Deletes a document at the end of the batch (a document the model no longer needs, such as an
   * internal lookup for something that has ended). Later reads in the batch see it gone.
   */
  remove(collection: string, id: string): void {
    this.cachedIn(collection).set(id, null);
    let ids = this.dirty.get(collection);
    if (!ids) this.dirty.set(collection, (ids = new Set()));
    ids.add(id);
  }

  /**
   * The `_position` guard every read model shares: a document that has already seen this event
   * is returned as it is; otherwise `evolve` makes the next one, stamped with the position.
   * `evolve` must not change the document it is given, nor anything inside it: it may be the
   * read store's own (read read-only, and frozen by the embedded store), and what it returns is
   * handed over to the store at the end of the batch.
   */
  evolve<T extends ReadModelDocument>(
    collection: string,
    id: string,
    event: RecordedEvent,
    evolve: (doc: T | null) => Omit<T, '_position'> | null,
  ): Awaitable<T | null> {
    const docs = this.cachedIn(collection);
    const cached = docs.get(id);
    if (cached !== undefined) return this.evolveLoaded(collection, cached as T | null, event, evolve);
    return this.load<T>(collection, docs, id).then((doc) => this.evolveLoaded(collection, doc, event, evolve));
  }

  private evolveLoaded<T extends ReadModelDocument>(
    collection: string,
    doc: T | null,
    event: RecordedEvent,
    evolve: (doc: T | null) => Omit<T, '_position'> | null,
  ): T | null {
    if (doc && doc._position >= event.position) return doc;
    const next = evolve(doc);
    if (!next) return doc;
    const stamped = { ...next, _position: event.position } as T;
    this.put(collection, stamped);
    return stamped;
  }

  /**
   * The same `_position` guard for a document changed field by field (`$set`/`$unset` of paths
   * such as `bookings.<id>`), never loaded whole: a user with thousands of bookings costs one
   * small update per batch, not a copy of the list. `undefined` values unset their path. The
   * changes are pairs, not an object: an object keyed by a new id gets a hidden class of its own.
   */
  patch(collection: string, id: string, event: { position: number }, fields: readonly FieldChange[]): Awaitable<boolean> {
    let docs = this.patches.get(collection);
    if (!docs) this.patches.set(collection, (docs = new Map()));
    const pending = docs.get(id);
    if (pending) return this.patchPending(pending, event, fields);
    const known = this.patchedPositions.get(`${collection}\u0000${id}`);
    if (known !== undefined) return this.patchPending(this.startPatch(docs, id, known), event, fields);
    return this.collection(collection)
      .findOne({ _id: id }, { projection: { _position: 1 } })
      .then((stored) => this.patchPending(this.startPatch(docs, id, typeof stored?._position === 'number' ? stored._position : 0), event, fields));
  }

  private startPatch(docs: Map<string, PendingPatch>, id: string, position: number): PendingPatch {
    const pending = { position, fields: new Map<string, unknown>() };
    docs.set(id, pending);
    return pending;
  }

  private patchPending(pending: PendingPatch, event: { position: number }, fields: readonly FieldChange[]): boolean {
    if (pending.position >= event.position) return false;
    for (const [path, value] of fields) {
      pending.fields.delete(path);
      pending.fields.set(path, value);
    }
    pending.position = event.position;
    return true;
  }

  get size(): number {
    let n = 0;
    for (const ids of this.dirty.values()) n += ids.size;
    return n;
  }

  /**
   * Writes every changed document, one ordered bulkWrite per collection. The documents are
   * handed over: nothing changes them after this (the batch is done with them). Deletions go
   * last: a crash part way through (MongoDB) replays the batch, and what its events wrote must
   * not be lost because a lookup they read was already deleted.
   */
  async write(): Promise<number> {
    let written = 0;
    const deletions = new Map<string, string[]>();
    for (const [collection, ids] of this.dirty) {
      const docs = this.cache.get(collection) as Map<string, ReadModelDocument | null>;
      const operations = [];
      for (const id of ids) {
        const doc = docs.get(id);
        if (doc) operations.push({ replaceOne: { filter: { _id: id }, replacement: doc as unknown as Document, upsert: true } });
        else {
          let gone = deletions.get(collection);
          if (!gone) deletions.set(collection, (gone = []));
          gone.push(id);
        }
      }
      if (operations.length > 0) await this.collection(collection).bulkWrite(operations, { handOver: true });
      written += operations.length;
    }
    this.dirty.clear();
    for (const [collection, docs] of this.patches) {
      const operations = [...docs].flatMap(([id, { position, fields }]) => {
        if (fields.size === 0) return [];
        this.patchedPositions.set(`${collection}\u0000${id}`, position);
        // Dictionaries from the start: keys such as `bookings.<id>` are each new, and adding them to
        // an ordinary object makes a new hidden class per key.
        const $set = Object.create(null) as Record<string, unknown>;
        const $unset = Object.create(null) as Record<string, ''>;
        $set._position = position;
        let unsets = 0;
        for (const [path, value] of fields) {
          if (value !== undefined) $set[path] = value;
          else {
            $unset[path] = '';
            unsets += 1;
          }
        }
        const update = unsets > 0 ? { $set, $unset } : { $set };
        return [{ updateOne: { filter: { _id: id }, update, upsert: true } }];
      });
      if (operations.length > 0) await this.collection(collection).bulkWrite(operations);
      written += operations.length;
    }
    this.patches.clear();
    for (const [collection, ids] of deletions) {
      await this.collection(collection).bulkWrite(ids.map((id) => ({ deleteOne: { filter: { _id: id } } })));
      written += ids.length;
    }
    return written;
  }

  private collection(logical: string): ReadCollection {
    let collection = this.collections.get(logical);
    if (!collection) this.collections.set(logical, (collection = this.store.collection(this.physical(logical))));
    return collection;
  }

  private cachedIn(collection: string): Map<string, ReadModelDocument | null> {
    let docs = this.cache.get(collection);
    if (!docs) this.cache.set(collection, (docs = new Map()));
    return docs;
  }

  private async load<T extends ReadModelDocument>(collection: string, docs: Map<string, ReadModelDocument | null>, id: string): Promise<T | null> {
    // Read-only: evolve functions never change what they are given, so the store need not copy.
    const loaded = ((await this.collection(collection).findOne({ _id: id }, { readOnly: true })) as T | null) ?? null;
    // Events of a batch are applied one after another, so nothing else can have cached it meanwhile.
    docs.set(id, loaded);
    return loaded;
  }
}
