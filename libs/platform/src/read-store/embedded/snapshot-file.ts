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

export interface RestoredCollection {
  name: string;
  indexes: IndexDefinition[];
  documents: Document[];
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
export const writeSnapshotFile = async (path: string, collections: readonly SnapshotCollection[]): Promise<{ bytes: number; documents: number }> => {
  const temporary = `${path}.tmp-${process.pid}`;
  await mkdir(dirname(path), { recursive: true });
  const hash = createHash('sha256');
  let documents = 0;
  let bytes = HEADER_BYTES;
  const file = await open(temporary, 'w');
  try {
    let slice: string[] = [];
    let sliceChars = 0;
    let first = true;
    const endSlice = async () => {
      if (slice.length === 0) return;
      const part = (first ? '' : '\n') + slice.join('\n');
      first = false;
      slice = [];
      sliceChars = 0;
      hash.update(part);
      const buffer = Buffer.from(part, 'utf8');
      await file.write(buffer, 0, buffer.length, bytes);
      bytes += buffer.length;
    };
    const add = async (line: string) => {
      if (sliceChars + line.length > SLICE_CHARS) await endSlice();
      slice.push(line);
      sliceChars += line.length + 1;
    };
    for (const collection of collections) {
      await add(JSON.stringify({ collection: collection.name, indexes: collection.indexes }));
      for (const document of collection.documents) {
        await add(JSON.stringify(document));
        documents += 1;
      }
    }
    await endSlice();
    await file.write(headerLine(hash.digest('hex')), 0, 'utf8');
    await file.sync();
  } catch (error) {
    await file.close();
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await file.close();
  await renameDurably(temporary, path);
  return { bytes, documents };
};

export class CorruptSnapshotError extends Error {
  constructor(reason: string) {
    super(`read-store snapshot is unusable: ${reason}`);
    this.name = 'CorruptSnapshotError';
  }
}

export const decodeSnapshot = (text: string): RestoredCollection[] => {
  const newline = text.indexOf('\n');
  const header = (newline === -1 ? text : text.slice(0, newline)).split(' ');
  if (header.length !== 3 || header[0] !== MAGIC) throw new CorruptSnapshotError('no snapshot header');
  if (header[1] !== VERSION) throw new CorruptSnapshotError(`unknown format ${header[1]}`);
  const body = newline === -1 ? '' : text.slice(newline + 1);
  const checksum = createHash('sha256').update(body).digest('hex');
  if (checksum !== header[2]) throw new CorruptSnapshotError('checksum mismatch');
  const collections: RestoredCollection[] = [];
  if (body === '') return collections;
  for (const line of body.split('\n')) {
    const parsed = JSON.parse(line) as Record<string, unknown>;
    if (typeof parsed.collection === 'string' && !('_id' in parsed)) {
      collections.push({ name: parsed.collection, indexes: parsed.indexes as IndexDefinition[], documents: [] });
      continue;
    }
    const current = collections[collections.length - 1];
    if (!current) throw new CorruptSnapshotError('document before any collection');
    current.documents.push(parsed as Document);
  }
  return collections;
};

export type SnapshotEntry =
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
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return snapshotEntries(handle);
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
