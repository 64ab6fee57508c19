import { open, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import { writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import type { CleanEnd } from './log-file';

/**
 * A clean close records the log's size and head next to it (`events.log.clean`); opening reads
 * it and removes it before anything is appended. With it, a bad frame before the recorded end is
 * known to be damage to acknowledged events, not the torn write of a process that died (which
 * leaves no such record), even when it is the very last frame.
 */

export const cleanEndPath = (logPath: string): string => `${logPath}.clean`;

export class CleanEndUnreadableError extends Error {
  constructor(path: string, reason: string) {
    super(`${path} is unreadable (${reason}); it records where the event log ended at its last clean close. Remove it to open the log as after a crash`);
    this.name = 'CleanEndUnreadableError';
  }
}

export const readCleanEnd = async (logPath: string): Promise<CleanEnd | undefined> => {
  const path = cleanEndPath(logPath);
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (text === undefined) return undefined;
  let parsed: Partial<CleanEnd>;
  try {
    parsed = JSON.parse(text) as Partial<CleanEnd>;
  } catch {
    throw new CleanEndUnreadableError(path, 'not JSON');
  }
  if (!Number.isSafeInteger(parsed.size) || !Number.isSafeInteger(parsed.head)) throw new CleanEndUnreadableError(path, 'no size and head');
  return { size: parsed.size as number, head: parsed.head as number };
};

const syncDir = async (dir: string): Promise<void> => {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};

export const writeCleanEnd = async (logPath: string, end: CleanEnd): Promise<void> => {
  const path = cleanEndPath(logPath);
  const temporary = `${path}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(JSON.stringify({ ...end, closedAt: new Date().toISOString() }));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
  await syncDir(dirname(path));
};

/** Durably forgets the clean end: from now on the log may grow past it. */
export const removeCleanEnd = async (logPath: string): Promise<void> => {
  const removed = await unlink(cleanEndPath(logPath)).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  if (removed) await syncDir(dirname(logPath));
};

/**
 * The durable mark (`events.log.durable`): the size and head of the log after the last batch
 * whose fdatasync returned, rewritten in place after each batch (32 bytes into the page cache, on
 * the event loop like the log's own writes; not synced itself). It only ever names bytes that
 * were already durable, so after a kill -9 or a power cut it is a safe lower bound of what was
 * acknowledged: a bad frame before it is corruption even without a clean close. Lost or torn (its
 * checksum fails), it is ignored.
 */
const MARK_BYTES = 32;
const MARK_MAGIC = 0x4d44_5354; // "TSDM"

export const durableMarkPath = (logPath: string): string => `${logPath}.durable`;

const encodeMark = (end: CleanEnd): Buffer => {
  const bytes = Buffer.alloc(MARK_BYTES);
  bytes.writeUInt32LE(MARK_MAGIC, 0);
  bytes.writeUInt32LE(1, 4);
  bytes.writeDoubleLE(end.size, 8);
  bytes.writeDoubleLE(end.head, 16);
  bytes.writeUInt32LE(crc32(bytes.subarray(0, 24)), 24);
  return bytes;
};

export const readDurableMark = async (logPath: string): Promise<CleanEnd | undefined> => {
  const bytes = await readFile(durableMarkPath(logPath)).catch(() => undefined);
  if (!bytes || bytes.length < MARK_BYTES || bytes.readUInt32LE(0) !== MARK_MAGIC) return undefined;
  if (crc32(bytes.subarray(0, 24)) !== bytes.readUInt32LE(24)) return undefined;
  const end = { size: bytes.readDoubleLE(8), head: bytes.readDoubleLE(16) };
  return Number.isSafeInteger(end.size) && Number.isSafeInteger(end.head) ? end : undefined;
};

export const removeDurableMark = (logPath: string): Promise<void> => unlink(durableMarkPath(logPath)).catch(() => undefined);

export class DurableMark {
  private constructor(private readonly handle: FileHandle | undefined) {}

  /**
   * Opens the mark and records `end`, the log as the open scan found it. Best effort, like every
   * write of the mark: on a full disk the store still opens, and without a mark the next open
   * only treats bad last frames as torn.
   */
  static async open(logPath: string, end: CleanEnd): Promise<DurableMark> {
    const handle = await open(durableMarkPath(logPath), 'w').catch(() => undefined);
    const mark = new DurableMark(handle);
    mark.record(end);
    return mark;
  }

  /** Records a new durable end, at once. */
  record(end: CleanEnd): void {
    if (!this.handle) return;
    try {
      writeSync(this.handle.fd, encodeMark(end), 0, MARK_BYTES, 0);
    } catch {
      // Best effort: a missing mark only makes the next open treat bad last frames as torn.
    }
  }

  async close(): Promise<void> {
    await this.handle?.close().catch(() => undefined);
  }
}
