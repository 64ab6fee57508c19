import { open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
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
