import { join } from 'node:path';
import { ReadStore, type Document, type ReadCollection } from '../read-store.port';
import { EmbeddedCollection } from './embedded-collection';
import { CorruptSnapshotError, openSnapshotFile, writeSnapshotFile } from './snapshot-file';
import { StringTable } from './string-table';

/**
 * The embedded ReadStore: named in-memory collections with MongoDB semantics (mingo), for the
 * one-process mode. Read models are disposable, so memory is enough; an optional snapshot in
 * `snapshotDir` shortens start-up, and when it is missing or damaged the store starts empty and
 * says so, and the projector rebuilds from the log.
 */

export const CHECKPOINTS_COLLECTION = 'checkpoints';
const SNAPSHOT_FILE = 'read-store.snapshot';

export interface EmbeddedReadStoreOptions {
  /** Folder of the snapshot file; without it `saveSnapshot` and `loadSnapshot` are unavailable. */
  snapshotDir?: string;
}

export type SnapshotLoadResult =
  | { status: 'loaded'; collections: number; documents: number }
  | { status: 'missing' }
  | { status: 'corrupt'; reason: string };

export interface SnapshotSaveResult {
  path: string;
  bytes: number;
  documents: number;
}

interface CheckpointDocument extends Document {
  position: number;
}

export class EmbeddedReadStore extends ReadStore {
  private readonly collections = new Map<string, EmbeddedCollection>();
  /** Equal strings of the documents kept, shared across collections (see StringTable). */
  private readonly strings = new StringTable();
  /** Collections that exist as MongoDB counts existence: written to or indexed at least once. */
  private readonly materialised = new Set<string>();
  private saving: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: EmbeddedReadStoreOptions = {}) {
    super();
  }

  /** Restores the snapshot when there is one; see `loadSnapshot`. */
  async open(): Promise<SnapshotLoadResult> {
    return this.options.snapshotDir ? this.loadSnapshot() : { status: 'missing' };
  }

  collection<T extends Document = Document>(name: string): ReadCollection<T> {
    this.assertOpen();
    return this.collectionFor(name) as unknown as ReadCollection<T>;
  }

  async listCollections(): Promise<string[]> {
    return [...this.materialised].sort();
  }

  async dropCollection(name: string): Promise<void> {
    // The wrapper stays: handles already given out keep addressing the (now empty) name.
    this.collections.get(name)?.clear();
    this.materialised.delete(name);
  }

  async renameCollection(from: string, to: string): Promise<void> {
    const source = this.collections.get(from);
    if (!source || !this.materialised.has(from)) throw new Error(`cannot rename ${from}: no such collection`);
    if (from === to) return;
    // Documents and indexes move as they are; the old `to` content is dropped.
    this.collectionFor(to).takeOver(source);
    this.materialised.delete(from);
    this.materialised.add(to);
  }

  async getCheckpoint(projection: string): Promise<number | null> {
    const checkpoint = await this.checkpoints().findOne({ _id: projection });
    return checkpoint ? checkpoint.position : null;
  }

  async saveCheckpoint(projection: string, position: number): Promise<void> {
    await this.checkpoints().replaceOne({ _id: projection }, { _id: projection, position }, { upsert: true });
  }

  async deleteCheckpoint(projection: string): Promise<void> {
    await this.checkpoints().deleteOne({ _id: projection });
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  // ---- snapshots ---------------------------------------------------------------------------

  /**
   * Writes the snapshot without stalling the event loop: documents are encoded a slice at a time
   * while the projector keeps applying events. The file is still a sound place to resume from:
   * the checkpoints are encoded first, so every document in the file is at least as new as the
   * checkpoint it will resume from, and a document newer than its checkpoint skips the events it
   * already holds on replay (each document carries its position; applying an event twice
   * changes nothing). Saves are queued, so two never write the file at once.
   */
  saveSnapshot(): Promise<SnapshotSaveResult> {
    const save = this.saving.then(() => this.writeSnapshot());
    this.saving = save.catch(() => undefined);
    return save;
  }

  private async writeSnapshot(): Promise<SnapshotSaveResult> {
    const path = this.snapshotPath();
    const names = [...this.materialised].sort((a, b) => (a === CHECKPOINTS_COLLECTION ? -1 : b === CHECKPOINTS_COLLECTION ? 1 : a.localeCompare(b)));
    const collections = names.map((name) => {
      const collection = this.collectionFor(name);
      // The checkpoints as they are now, before any document is encoded.
      const documents = name === CHECKPOINTS_COLLECTION ? [...collection.storedDocuments()] : collection.storedDocuments();
      return { name, indexes: collection.indexDefinitions(), documents };
    });
    const { bytes, documents } = await writeSnapshotFile(path, collections);
    return { path, bytes, documents };
  }


  /**
   * Replaces the whole content with the snapshot, read a line at a time. A missing or damaged
   * snapshot leaves the store empty (never half-restored) and reports why.
   */
  async loadSnapshot(): Promise<SnapshotLoadResult> {
    const entries = await openSnapshotFile(this.snapshotPath());
    this.clearAll();
    if (entries === null) return { status: 'missing' };
    try {
      let collections = 0;
      let documents = 0;
      let current: EmbeddedCollection | undefined;
      for await (const entry of entries) {
        if (entry.kind === 'collection') {
          current = this.collectionFor(entry.name);
          for (const index of entry.indexes) await current.createIndex(index.keys, { unique: index.unique, name: index.name });
          this.materialised.add(entry.name);
          collections += 1;
        } else {
          // The reader parsed the document for the store alone: kept as it is, not copied.
          (current as EmbeddedCollection).restore(entry.document);
          documents += 1;
        }
      }
      return { status: 'loaded', collections, documents };
    } catch (error) {
      this.clearAll();
      const reason = error instanceof CorruptSnapshotError ? error.message : `read-store snapshot is unusable: ${String(error)}`;
      return { status: 'corrupt', reason };
    }
  }

  // ---- internals ---------------------------------------------------------------------------

  private checkpoints(): ReadCollection<CheckpointDocument> {
    return this.collection<CheckpointDocument>(CHECKPOINTS_COLLECTION);
  }

  private collectionFor(name: string): EmbeddedCollection {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new EmbeddedCollection(name, () => this.materialised.add(name), this.strings);
      this.collections.set(name, collection);
    }
    return collection;
  }

  private clearAll(): void {
    for (const collection of this.collections.values()) collection.clear();
    this.materialised.clear();
  }

  private snapshotPath(): string {
    if (!this.options.snapshotDir) throw new Error('EmbeddedReadStore has no snapshotDir');
    return join(this.options.snapshotDir, SNAPSHOT_FILE);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('EmbeddedReadStore is closed');
  }
}
