import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
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

export const encodeSnapshot = (collections: Iterable<SnapshotCollection>): string => {
  const lines: string[] = [];
  for (const collection of collections) {
    lines.push(JSON.stringify({ collection: collection.name, indexes: collection.indexes }));
    for (const document of collection.documents) lines.push(JSON.stringify(document));
  }
  const body = lines.join('\n');
  const checksum = createHash('sha256').update(body).digest('hex');
  return `${MAGIC} ${VERSION} ${checksum}\n${body}`;
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
export const writeFileDurably = async (path: string, content: string): Promise<void> => {
  const temporary = `${path}.tmp-${process.pid}`;
  await mkdir(dirname(path), { recursive: true });
  const file = await open(temporary, 'w');
  try {
    await file.writeFile(content, 'utf8');
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
