import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ReadStore, type Document, type ReadCollection } from '../read-store.port';
import { EmbeddedCollection, type IndexDefinition } from './embedded-collection';
import {
  appendJournalSegment,
  collectionLine,
  CorruptSnapshotError,
  createJournal,
  openJournal,
  openSnapshotFile,
  removalLine,
  writeSnapshotFile,
} from './snapshot-file';
import { StringTable } from './string-table';

/**
 * The embedded ReadStore: named in-memory collections with MongoDB semantics (mingo), for the
 * one-process mode. Read models are disposable, so memory is enough; an optional snapshot in
 * `snapshotDir` shortens start-up, and when it is missing or damaged the store starts empty and
 * says so, and the projector rebuilds from the log.
 */

export const CHECKPOINTS_COLLECTION = 'checkpoints';
const SNAPSHOT_FILE = 'read-store.snapshot';
const JOURNAL_FILE = 'read-store.snapshot.journal';

export interface EmbeddedReadStoreOptions {
  /** Folder of the snapshot file and its journal; without it `saveSnapshot` and `loadSnapshot` are unavailable. */
  snapshotDir?: string;
}

export type SnapshotLoadResult =
  /** `journal`: the segments applied after the snapshot file, and why any were dropped. */
  | { status: 'loaded'; collections: number; documents: number; journal: { segments: number; dropped?: string } }
  | { status: 'missing' }
  | { status: 'corrupt'; reason: string };

export interface SnapshotSaveResult {
  /** The file written: the snapshot file, or the journal a segment went to. */
  path: string;
  kind: 'full' | 'journal';
  bytes: number;
  /** Documents written (a journal segment's include removals). */
  documents: number;
}

/** What the snapshot files on disk hold, as far as this store wrote or read them. */
interface SnapshotOnDisk {
  /** The checksum in the snapshot file's header, which its journal names. */
  checksum: string;
  bytes: number;
  /** Each collection as the files leave it: how often it had been emptied at once, and its indexes (JSON). */
  collections: ReadonlyMap<string, CollectionOnDisk>;
  /** The journal's size; 0 when it is still to be created. */
  journalBytes: number;
}

interface CollectionOnDisk {
  resets: number;
  indexes: string;
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
  /** Unknown (a full snapshot comes next) until a snapshot was written or read whole. */
  private onDisk: SnapshotOnDisk | undefined;

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
   * while the projector keeps applying events. Most saves write only what changed since the last
   * one, as a segment of the journal that follows the snapshot file (snapshot-file.ts); the whole
   * store is written again when there is no sound snapshot on disk yet, when a collection on disk
   * was dropped or renamed over since (a projection's rebuild; new collections and indexes go in
   * the journal), or when the journal has grown past the snapshot file's size (so a restart never
   * reads more than about twice the store). Either way the result is a
   * sound place to resume from: the checkpoints are encoded first, so every document written is at
   * least as new as the checkpoint it will resume from (a document that did not change since the
   * last save is as new as now), and a document newer than its checkpoint skips the events it
   * already holds on replay (each document carries its position; applying an event twice changes
   * nothing). Saves are queued, so two never write at once.
   */
  saveSnapshot(): Promise<SnapshotSaveResult> {
    const save = this.saving.then(() => this.writeSnapshot());
    this.saving = save.catch(() => undefined);
    return save;
  }

  private async writeSnapshot(): Promise<SnapshotSaveResult> {
    const names = this.snapshotOrder();
    const collections = this.collectionsOnDisk(names);
    const onDisk = this.onDisk;
    // Whatever happens next, the files on disk are unknown until this save has finished.
    this.onDisk = undefined;
    // From here on, what changes goes to the next save.
    const changed = names.map((name) => ({ name, ids: this.collectionFor(name).takeChanged() }));
    // A collection dropped or emptied by a rename since: its documents would all be removals.
    const reset = (previous: ReadonlyMap<string, CollectionOnDisk>) =>
      [...previous].some(([name, before]) => collections.get(name)?.resets !== before.resets);
    if (!onDisk || reset(onDisk.collections) || onDisk.journalBytes > onDisk.bytes) return this.writeFullSnapshot(names, collections);
    const journal = this.journalPath();
    // A collection new since, or newly indexed, is named in the segment even without documents.
    const described = (name: string) => onDisk.collections.get(name)?.indexes !== collections.get(name)?.indexes;
    if (changed.every(({ name, ids }) => ids.size === 0 && !described(name))) {
      this.onDisk = onDisk;
      return { path: journal, kind: 'journal', bytes: 0, documents: 0 };
    }
    let journalBytes = onDisk.journalBytes;
    if (journalBytes === 0) journalBytes = await createJournal(journal, onDisk.checksum);
    const tally = { documents: 0 };
    // The checkpoints as they are now, before any document is encoded (`names` has them first).
    const [first, ...rest] = changed;
    const checkpointsFirst = first?.name === CHECKPOINTS_COLLECTION;
    const checkpointLines = checkpointsFirst ? [...this.changedLines(first.name, first.ids, described(first.name), tally)] : [];
    const lines = function* (this: EmbeddedReadStore): Generator<string> {
      yield* checkpointLines;
      for (const { name, ids } of checkpointsFirst ? rest : changed) yield* this.changedLines(name, ids, described(name), tally);
    }.call(this);
    const { bytes } = await appendJournalSegment(journal, journalBytes, lines);
    this.onDisk = { ...onDisk, collections, journalBytes: journalBytes + bytes };
    return { path: journal, kind: 'journal', bytes, documents: tally.documents };
  }

  /** A journal segment's lines for one collection: its changed documents, and its indexes when they are new to the files. */
  private *changedLines(name: string, ids: ReadonlySet<string>, described: boolean, tally: { documents: number }): Generator<string> {
    if (ids.size === 0 && !described) return;
    const collection = this.collectionFor(name);
    yield collectionLine(name, collection.indexDefinitions());
    for (const id of ids) {
      const document = collection.storedDocument(id);
      tally.documents += 1;
      yield document ? JSON.stringify(document) : removalLine(id);
    }
  }

  private async writeFullSnapshot(names: readonly string[], onDiskCollections: ReadonlyMap<string, CollectionOnDisk>): Promise<SnapshotSaveResult> {
    const path = this.snapshotPath();
    const collections = names.map((name) => {
      const collection = this.collectionFor(name);
      // The checkpoints as they are now, before any document is encoded.
      const documents = name === CHECKPOINTS_COLLECTION ? [...collection.storedDocuments()] : collection.storedDocuments();
      return { name, indexes: collection.indexDefinitions(), documents };
    });
    const { bytes, documents, checksum } = await writeSnapshotFile(path, collections);
    // The old journal names the old snapshot file: readers already ignore it; it is replaced now.
    const journalBytes = await createJournal(this.journalPath(), checksum);
    this.onDisk = { checksum, bytes, collections: onDiskCollections, journalBytes };
    return { path, kind: 'full', bytes, documents };
  }

  /** Each collection as a save now leaves it on disk (see SnapshotOnDisk). */
  private collectionsOnDisk(names: readonly string[]): Map<string, CollectionOnDisk> {
    return new Map(
      names.map((name) => {
        const collection = this.collectionFor(name);
        return [name, { resets: collection.resets, indexes: JSON.stringify(collection.indexDefinitions()) }];
      }),
    );
  }

  /** The collections in the order a snapshot writes them: the checkpoints first. */
  private snapshotOrder(): string[] {
    return [...this.materialised].sort((a, b) => (a === CHECKPOINTS_COLLECTION ? -1 : b === CHECKPOINTS_COLLECTION ? 1 : a.localeCompare(b)));
  }


  /**
   * Replaces the whole content with the snapshot, read a line at a time. A missing or damaged
   * snapshot leaves the store empty (never half-restored) and reports why.
   */
  async loadSnapshot(): Promise<SnapshotLoadResult> {
    this.onDisk = undefined;
    const entries = await openSnapshotFile(this.snapshotPath());
    this.clearAll();
    if (entries === null) return { status: 'missing' };
    let checksum: string | undefined;
    let collections = 0;
    try {
      let current: EmbeddedCollection | undefined;
      for await (const entry of entries) {
        if (entry.kind === 'header') checksum = entry.checksum;
        else if (entry.kind === 'collection') {
          current = this.collectionFor(entry.name);
          for (const index of entry.indexes) await current.createIndex(index.keys, { unique: index.unique, name: index.name });
          this.materialised.add(entry.name);
          collections += 1;
        } else {
          // The reader parsed the document for the store alone: kept as it is, not copied.
          (current as EmbeddedCollection).restore(entry.document);
        }
      }
    } catch (error) {
      this.clearAll();
      const reason = error instanceof CorruptSnapshotError ? error.message : `read-store snapshot is unusable: ${String(error)}`;
      return { status: 'corrupt', reason };
    }
    const bytes = (await stat(this.snapshotPath())).size;
    let journal: { segments: number; bytes: number; dropped?: string };
    try {
      journal = await this.loadJournal(checksum as string);
    } catch (error) {
      this.clearAll();
      return { status: 'corrupt', reason: `read-store snapshot journal is unusable: ${error instanceof Error ? error.message : String(error)}` };
    }
    const names = this.snapshotOrder();
    // What the load wrote is on disk already.
    for (const name of names) this.collectionFor(name).takeChanged();
    // A dropped segment leaves a torn journal: the next save writes everything again.
    if (journal.dropped === undefined) this.onDisk = { checksum: checksum as string, bytes, collections: this.collectionsOnDisk(names), journalBytes: journal.bytes };
    const documents = names.reduce((sum, name) => sum + this.collectionFor(name).size, 0);
    return { status: 'loaded', collections, documents, journal: { segments: journal.segments, ...(journal.dropped ? { dropped: journal.dropped } : {}) } };
  }

  /**
   * Applies the journal's whole segments (see snapshot-file.ts); a journal of another snapshot
   * file counts as none. The segments are merged first, the last version of each document
   * winning, and applied at once: documents written at different moments of one save may hold a
   * unique key in turn, which only the final state settles. A state that still breaks an index
   * throws, and the caller starts empty (a rebuild from the log).
   */
  private async loadJournal(checksum: string): Promise<{ segments: number; bytes: number; dropped?: string }> {
    const reads = await openJournal(this.journalPath(), checksum);
    if (reads === null) return { segments: 0, bytes: 0 };
    const merged = new Map<string, { indexes: IndexDefinition[]; documents: Map<string, Document | null> }>();
    let segments = 0;
    let end: { bytes: number; dropped?: string } = { bytes: 0, dropped: 'an unfinished read' };
    for await (const read of reads) {
      if (read.kind === 'end') {
        end = { bytes: read.bytes, ...(read.intact ? {} : { dropped: read.reason }) };
        break;
      }
      let current: Map<string, Document | null> | undefined;
      for (const entry of read.entries) {
        if (entry.kind === 'collection') {
          const known = merged.get(entry.name);
          if (known) known.indexes = entry.indexes;
          else merged.set(entry.name, { indexes: entry.indexes, documents: new Map() });
          current = merged.get(entry.name)?.documents;
        } else if (entry.kind === 'document') current?.set(entry.document._id, entry.document);
        else current?.set(entry.id, null);
      }
      segments += 1;
    }
    for (const [name, { documents }] of merged) {
      const collection = this.collectionFor(name);
      this.materialised.add(name);
      for (const id of documents.keys()) collection.restoreRemoval(id);
    }
    for (const [name, { indexes, documents }] of merged) {
      const collection = this.collectionFor(name);
      for (const document of documents.values()) if (document) collection.restore(document);
      for (const index of indexes) await collection.createIndex(index.keys, { unique: index.unique, name: index.name });
    }
    return { segments, ...end };
  }

  // ---- internals ---------------------------------------------------------------------------

  private checkpoints(): ReadCollection<CheckpointDocument> {
    return this.collection<CheckpointDocument>(CHECKPOINTS_COLLECTION);
  }

  private collectionFor(name: string): EmbeddedCollection {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new EmbeddedCollection(name, () => this.materialised.add(name), this.strings, this.options.snapshotDir !== undefined);
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

  private journalPath(): string {
    if (!this.options.snapshotDir) throw new Error('EmbeddedReadStore has no snapshotDir');
    return join(this.options.snapshotDir, JOURNAL_FILE);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('EmbeddedReadStore is closed');
  }
}
