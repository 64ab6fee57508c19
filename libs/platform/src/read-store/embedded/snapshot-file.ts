import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
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

/** Documents encoded between two turns of the event loop by `encodeSnapshotInSlices`. */
const DOCUMENTS_PER_SLICE = 1000;

/**
 * Encodes the snapshot file a slice of documents at a time, with a turn of the event loop in
 * between, so a large store never stalls the requests being served (one
 * synchronous pass over tens of thousands of documents took over 100 ms). Returns the file as
 * parts, in order, and the number of documents in it. Documents may change between slices; see EmbeddedReadStore.saveSnapshot for
 * why the file is still a sound starting point.
 */
export const encodeSnapshotInSlices = async (collections: readonly SnapshotCollection[]): Promise<{ parts: string[]; documents: number }> => {
  const hash = createHash('sha256');
  const parts: string[] = [];
  let documents = 0;
  let slice: string[] = [];
  const endSlice = () => {
    if (slice.length === 0) return;
    const part = (parts.length > 0 ? '\n' : '') + slice.join('\n');
    hash.update(part);
    parts.push(part);
    slice = [];
  };
  for (const collection of collections) {
    slice.push(JSON.stringify({ collection: collection.name, indexes: collection.indexes }));
    for (const document of collection.documents) {
      slice.push(JSON.stringify(document));
      documents += 1;
      if (slice.length >= DOCUMENTS_PER_SLICE) {
        endSlice();
        await nextTurn();
      }
    }
  }
  endSlice();
  return { parts: [`${MAGIC} ${VERSION} ${hash.digest('hex')}\n`, ...parts], documents };
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

/** Write-then-rename with fsyncs: after a crash the old snapshot or the new one is there, whole. */
export const writeFileDurably = async (path: string, content: string | readonly string[]): Promise<void> => {
  const temporary = `${path}.tmp-${process.pid}`;
  await mkdir(dirname(path), { recursive: true });
  const file = await open(temporary, 'w');
  try {
    for (const part of typeof content === 'string' ? [content] : content) await file.write(part, null, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
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
