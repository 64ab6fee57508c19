import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Document } from '../read-store.port';
import type { IndexDefinition } from './embedded-collection';

/**
 * The read-store snapshot file: a header line `tessera-read-store-snapshot v1 <sha256>` followed
 * by NDJSON, one line per collection and one per document. The checksum covers everything after
 * the header, so a torn or edited file is refused as a whole and the projector rebuilds from the
 * log instead of serving a half-restored model.
 */

const MAGIC = 'tessera-read-store-snapshot';
const VERSION = 'v1';

export interface SnapshotCollection {
  name: string;
  indexes: IndexDefinition[];
  documents: Iterable<Document>;
}

/**
 * Text encoded into one write of `writeSnapshotFile`, at most (or one document, if larger). A
 * slice stays below V8's large-object size (128 KB), so it dies young like any other garbage; a
 * larger one goes straight to the old generation and stays there until a full collection.
 */
const SLICE_CHARS = 64 * 1024;
/** The header's length is fixed (the checksum is 64 hex digits), so it can be written last. */
const headerLine = (checksum: string): string => `${MAGIC} ${VERSION} ${checksum}\n`;
const HEADER_BYTES = Buffer.byteLength(headerLine('0'.repeat(64)));

/**
 * Writes the snapshot file a slice of documents at a time (SLICE_CHARS), each slice written out
 * before the next is encoded, so that neither the event loop nor memory holds the whole file: one synchronous pass
 * over tens of thousands of documents took over 100 ms, and keeping the encoded file until it was
 * written held a second copy of the whole store, as text, every 30 s (300 MB at 100,000
 * bookings). The header, which holds the checksum of everything after it, is written last, in the
 * room left for it; then the file is synced and renamed into place, so after a crash the old
 * snapshot or the new one is there, whole. Documents may change between slices; see
 * EmbeddedReadStore.saveSnapshot for why the file is still a sound starting point.
 */
export const writeSnapshotFile = async (path: string, collections: readonly SnapshotCollection[]): Promise<{ bytes: number; documents: number; checksum: string }> => {
  await mkdir(dirname(path), { recursive: true });
  return replaceDurably(path, async (file) => {
    const hash = createHash('sha256');
    let documents = 0;
    // The body is its lines joined by newlines, with none at the end, as it is hashed.
    const body = new SlicedWrites(file, HEADER_BYTES, (part) => hash.update(part));
    for (const collection of collections) {
      await body.add(JSON.stringify({ collection: collection.name, indexes: collection.indexes }));
      for (const document of collection.documents) {
        await body.add(JSON.stringify(document));
        documents += 1;
      }
    }
    await body.end();
    const checksum = hash.digest('hex');
    await file.write(headerLine(checksum), 0, 'utf8');
    return { bytes: body.offset, documents, checksum };
  });
};

/**
 * Lines written to a file at `offset` onwards, a slice (SLICE_CHARS) at a time: each slice is
 * written before the caller encodes the next line, so neither the event loop nor memory holds the
 * whole text. Lines are joined by newlines; `hashPart` sees exactly the bytes written.
 */
class SlicedWrites {
  private slice: string[] = [];
  private chars = 0;
  private lines = 0;

  constructor(
    private readonly file: FileHandle,
    public offset: number,
    private readonly hashPart: (part: string) => void = () => undefined,
  ) {}

  async add(line: string): Promise<void> {
    if (this.chars + line.length > SLICE_CHARS) await this.flush();
    this.slice.push(line);
    this.chars += line.length + 1;
  }

  /** Writes what is left; `trailingNewline` ends the last line too. */
  async end(trailingNewline = false): Promise<void> {
    await this.flush(trailingNewline ? '\n' : '');
  }

  private async flush(suffix = ''): Promise<void> {
    if (this.slice.length === 0) return;
    const part = (this.lines === 0 ? '' : '\n') + this.slice.join('\n') + suffix;
    this.lines += this.slice.length;
    this.slice = [];
    this.chars = 0;
    this.hashPart(part);
    const buffer = Buffer.from(part, 'utf8');
    await this.file.write(buffer, 0, buffer.length, this.offset);
    this.offset += buffer.length;
  }
}

/** Writes a new file through `write`, syncs it and renames it over `path`: after a crash the old file or the new one is there, whole. */
const replaceDurably = async <T>(path: string, write: (file: FileHandle) => Promise<T>): Promise<T> => {
  const temporary = `${path}.tmp-${process.pid}`;
  const file = await open(temporary, 'w');
  let result: T;
  try {
    result = await write(file);
    await file.sync();
  } catch (error) {
    await file.close();
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await file.close();
  await renameDurably(temporary, path);
  return result;
};

export class CorruptSnapshotError extends Error {
  constructor(reason: string) {
    super(`read-store snapshot is unusable: ${reason}`);
    this.name = 'CorruptSnapshotError';
  }
}

export type SnapshotEntry =
  | { kind: 'header'; checksum: string }
  | { kind: 'collection'; name: string; indexes: IndexDefinition[] }
  | { kind: 'document'; document: Document };

/**
 * The snapshot file's entries, read a line at a time, or null when there is no file. The text
 * of the whole file is never held (at 100,000 bookings it is 300 MB, and V8 refuses strings
 * over 512 MB). The checksum can only be known at the end: the last step of the iteration
 * throws CorruptSnapshotError when it does not match, so a caller must be ready to drop what it
 * took from the entries (EmbeddedReadStore.loadSnapshot starts empty again).
 */
export const openSnapshotFile = async (path: string): Promise<AsyncIterable<SnapshotEntry> | null> => {
  const handle = await openIfThere(path);
  return handle && snapshotEntries(handle);
};

async function* snapshotEntries(handle: FileHandle): AsyncGenerator<SnapshotEntry> {
  const lines = createInterface({ input: handle.createReadStream({ encoding: 'utf8' }), crlfDelay: Infinity });
  try {
    let checksum: string | undefined;
    let inCollection = false;
    let first = true;
    const hash = createHash('sha256');
    for await (const line of lines) {
      if (checksum === undefined) {
        const header = line.split(' ');
        if (header.length !== 3 || header[0] !== MAGIC) throw new CorruptSnapshotError('no snapshot header');
        if (header[1] !== VERSION) throw new CorruptSnapshotError(`unknown format ${header[1]}`);
        checksum = header[2];
        yield { kind: 'header', checksum };
        continue;
      }
      // The body is its lines joined by newlines, with none at the end, as it was hashed.
      hash.update(first ? line : `\n${line}`);
      first = false;
      const parsed = JSON.parse(line) as Record<string, unknown>;
      if (typeof parsed.collection === 'string' && !('_id' in parsed)) {
        inCollection = true;
        yield { kind: 'collection', name: parsed.collection, indexes: parsed.indexes as IndexDefinition[] };
        continue;
      }
      if (!inCollection) throw new CorruptSnapshotError('document before any collection');
      yield { kind: 'document', document: parsed as Document };
    }
    if (checksum === undefined) throw new CorruptSnapshotError('no snapshot header');
    if (hash.digest('hex') !== checksum) throw new CorruptSnapshotError('checksum mismatch');
  } finally {
    lines.close();
    await handle.close();
  }
}

// ---- the journal ---------------------------------------------------------------------------

/**
 * The snapshot journal (`read-store.snapshot.journal`): what changed since the snapshot file was
 * written, so that a save between two full snapshots writes only the documents that changed. A
 * header line `tessera-read-store-journal v1 <checksum>` names the snapshot file it follows (the
 * checksum in that file's header), then come segments, one per save: NDJSON lines (a collection
 * line, `{ "collection": name }`, then its changed documents, or `{ "$removed": id }` for one that
 * went), closed by a trailer `{ "$segment": { "lines": n, "sha256": … } }` over those lines.
 *
 * Each segment is a consistent step, like the snapshot file itself (EmbeddedReadStore.saveSnapshot
 * says why), so the snapshot file plus any run of whole segments from the first is a sound place to
 * resume from. A reader stops at the first segment that is torn or fails its checksum (a crash while
 * it was appended, or damage) and keeps what came before it: an older state, which the log replays
 * forward. A journal that names another snapshot file (left by a crash between writing a new one
 * and starting its journal, or a snapshot file put back by hand) is ignored.
 */

const JOURNAL_MAGIC = 'tessera-read-store-journal';
const journalHeader = (checksum: string): string => `${JOURNAL_MAGIC} ${VERSION} ${checksum}\n`;

export type JournalEntry = { kind: 'collection'; name: string; indexes: IndexDefinition[] } | { kind: 'document'; document: Document } | { kind: 'removal'; id: string };

/** A journal's line for a removed document. */
export const removalLine = (id: string): string => JSON.stringify({ $removed: id });
/** A journal's line that starts a collection's changes, with its indexes (those it lacks on disk are created). */
export const collectionLine = (name: string, indexes: readonly IndexDefinition[]): string => JSON.stringify({ collection: name, indexes });

/** Starts an empty journal after the snapshot file whose checksum is `checksum`; returns its size. */
export const createJournal = (path: string, checksum: string): Promise<number> =>
  replaceDurably(path, async (file) => {
    const header = journalHeader(checksum);
    await file.write(header, 0, 'utf8');
    return Buffer.byteLength(header);
  });

/**
 * Appends one segment at `offset` (the journal's end): the lines as `lines` yields them, a slice
 * (SLICE_CHARS) at a time, each written before the next is encoded, then the trailer; synced before
 * it resolves. Returns the bytes written. A segment that fails part way leaves a torn tail, which
 * readers drop: the caller must not append after it (it writes a new snapshot instead).
 */
export const appendJournalSegment = async (path: string, offset: number, lines: Iterable<string>): Promise<{ bytes: number; lines: number }> => {
  const file = await open(path, 'r+');
  try {
    const hash = createHash('sha256');
    let count = 0;
    const segment = new SlicedWrites(file, offset);
    for (const line of lines) {
      // The trailer's checksum covers the lines joined by newlines, as the reader sees them.
      hash.update(count === 0 ? line : `\n${line}`);
      count += 1;
      await segment.add(line);
    }
    await segment.add(JSON.stringify({ $segment: { lines: count, sha256: hash.digest('hex') } }));
    await segment.end(true);
    await file.datasync();
    return { bytes: segment.offset - offset, lines: count };
  } finally {
    await file.close();
  }
};

export type JournalRead =
  | { kind: 'segment'; entries: JournalEntry[] }
  /** The last item: `intact` when every byte belonged to a whole segment, `bytes` what those took. */
  | { kind: 'end'; intact: boolean; bytes: number; reason?: string };

/**
 * The journal's sound segments, in order, when it follows the snapshot file whose checksum is
 * `checksum`; null when there is no journal or it follows another. Ends with a `kind: 'end'` item
 * that says whether anything was dropped (a torn or damaged segment and all that follows it).
 */
export const openJournal = async (path: string, checksum: string): Promise<AsyncIterable<JournalRead> | null> => {
  const handle = await openIfThere(path);
  if (!handle) return null;
  const first = Buffer.alloc(Buffer.byteLength(journalHeader(checksum)));
  const { bytesRead } = await handle.read(first, 0, first.length, 0);
  if (bytesRead < first.length || first.toString('utf8') !== journalHeader(checksum)) {
    await handle.close();
    return null;
  }
  return journalSegments(handle, first.length);
};

async function* journalSegments(handle: FileHandle, headerBytes: number): AsyncGenerator<JournalRead> {
  const lines = createInterface({ input: handle.createReadStream({ encoding: 'utf8', start: headerBytes }), crlfDelay: Infinity });
  let bytes = headerBytes;
  try {
    let entries: JournalEntry[] = [];
    let hash = createHash('sha256');
    let segmentBytes = 0;
    for await (const line of lines) {
      segmentBytes += Buffer.byteLength(line) + 1;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        yield { kind: 'end', intact: false, bytes, reason: 'a line that is not JSON' };
        return;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        yield { kind: 'end', intact: false, bytes, reason: 'a line that is no journal entry' };
        return;
      }
      const parsed = value as Record<string, unknown>;
      if (!('_id' in parsed) && typeof parsed.$segment === 'object' && parsed.$segment !== null) {
        const trailer = parsed.$segment as { lines?: unknown; sha256?: unknown };
        if (trailer.lines !== entries.length || trailer.sha256 !== hash.digest('hex')) {
          yield { kind: 'end', intact: false, bytes, reason: 'a segment whose checksum does not match' };
          return;
        }
        bytes += segmentBytes;
        yield { kind: 'segment', entries };
        entries = [];
        hash = createHash('sha256');
        segmentBytes = 0;
        continue;
      }
      hash.update(entries.length === 0 ? line : `\n${line}`);
      if (!('_id' in parsed) && typeof parsed.$removed === 'string') entries.push({ kind: 'removal', id: parsed.$removed });
      else if (!('_id' in parsed) && typeof parsed.collection === 'string' && Array.isArray(parsed.indexes)) {
        entries.push({ kind: 'collection', name: parsed.collection, indexes: parsed.indexes as IndexDefinition[] });
      }
      else if (typeof parsed._id === 'string') entries.push({ kind: 'document', document: parsed as Document });
      else {
        yield { kind: 'end', intact: false, bytes, reason: 'a line that is no journal entry' };
        return;
      }
    }
    yield entries.length > 0 || segmentBytes > 0 ? { kind: 'end', intact: false, bytes, reason: 'a torn last segment' } : { kind: 'end', intact: true, bytes };
  } finally {
    lines.close();
    await handle.close();
  }
}

/** The file opened for reading, or null when there is none. */
const openIfThere = async (path: string): Promise<FileHandle | null> => {
  try {
    return await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
};

/** Renames a synced file into place and syncs the folder, so the rename itself survives a crash. */
const renameDurably = async (temporary: string, path: string): Promise<void> => {
  try {
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  const directory = await open(dirname(path), 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
};

export const readSnapshotText = async (path: string): Promise<string | null> => {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
};
