import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { CleanEndUnreadableError, readCleanEnd, readDurableMark, removeDurableMark, writeCleanEnd } from './clean-end';
import { DataDirLock } from './data-dir-lock';
import { LOG_REPAIR_STREAM, LOG_REPAIRED_EVENT_TYPE } from './embedded-event-store';
import { classifyScan, copyRangeDurably, type KnownEnd } from './log-file';
import { scanLog, type LogScan } from './log-scan';
import { encodeFrame, FILE_HEADER, readEntryHeader, readEntryRouting } from './record-codec';

/**
 * Explicit integrity checks and repair of the embedded log, for the operator CLI (`log verify`,
 * `log repair`). Both take the data folder's lock, so neither runs beside a server.
 *
 * A repair cuts the log at its first bad frame, after copying everything it removes next to the
 * log. When the cut removes positions that were handed out (acknowledged events after the damage,
 * or the head a clean close recorded), it writes a marker event to `$log-repairs` at the position
 * after the highest one removed: the store skips the removed positions when it reads the marker,
 * so they are never handed out again and positions stay monotonic, as in KurrentDB.
 */

export interface LostEvent {
  stream: string;
  revision: number;
  position: number;
  type: string;
}

export interface LogVerifyReport {
  path: string;
  fileSize: number;
  frames: number;
  events: number;
  /** Position of the last event of the valid prefix. */
  lastPosition: number;
  state: 'healthy' | 'torn-tail' | 'corrupt';
  firstBad?: { offset: number; reason: string };
  validAfter: { frames: number; events: number };
  /** The one-line description of the damage, as start-up reports it. */
  problem?: string;
  /** The acknowledged end a clean close (or else the writer's durable mark) recorded. */
  known?: KnownEnd;
}

export interface LogRepairReport extends LogVerifyReport {
  repaired: boolean;
  cutAt?: number;
  removedBytes?: number;
  /** The removed bytes, kept next to the log. */
  savedTo?: string;
  /** The last position that still holds an event from before the repair. */
  keptHead: number;
  /** Positions removed, if any: the valid events among them are in `lost`. */
  lostRange?: { from: number; to: number };
  lost: LostEvent[];
  /** Where the marker that reserves the removed positions sits. */
  markerPosition?: number;
  /** Consumer groups whose checkpoint was past the kept head, moved back to it. */
  groupsMovedBack: string[];
}

const logPathOf = (dataDir: string): string => join(dataDir, 'eventstore', 'events.log');

const withLock = async <T>(dataDir: string, work: () => Promise<T>): Promise<T> => {
  const dir = join(dataDir, 'eventstore');
  await mkdir(dir, { recursive: true });
  const lock = await DataDirLock.acquire(join(dir, 'LOCK'));
  try {
    return await work();
  } finally {
    await lock.release();
  }
};

interface Examined {
  report: LogVerifyReport;
  scan?: LogScan;
  lost: LostEvent[];
  /** Last revision of the repair stream in the valid prefix, -1 for none. */
  repairRevision: number;
}

const examine = async (path: string, handle: FileHandle | undefined, collectLost: boolean): Promise<Examined> => {
  let cleanEnd: Awaited<ReturnType<typeof readCleanEnd>>;
  try {
    cleanEnd = await readCleanEnd(path);
  } catch (error) {
    // Start-up refuses such a folder (exit 65), so verify must not call it healthy.
    if (!(error instanceof CleanEndUnreadableError)) throw error;
    const fileSize = handle ? (await handle.stat()).size : 0;
    const report: LogVerifyReport = { path, fileSize, frames: 0, events: 0, lastPosition: 0, state: 'corrupt', validAfter: { frames: 0, events: 0 }, problem: error.message };
    return { report, lost: [], repairRevision: -1 };
  }
  const durable = cleanEnd ? undefined : await readDurableMark(path);
  const known: KnownEnd | undefined = cleanEnd
    ? { ...cleanEnd, recordedBy: 'its last clean close' }
    : durable && { ...durable, recordedBy: 'its last acknowledged write' };
  const fileSize = handle ? (await handle.stat()).size : 0;
  const base: LogVerifyReport = { path, fileSize, frames: 0, events: 0, lastPosition: 0, state: 'healthy', validAfter: { frames: 0, events: 0 }, known };
  if (!handle || fileSize < FILE_HEADER.length) {
    const problem = known && known.size > fileSize ? `event log ${path} is ${fileSize} bytes, but ${known.recordedBy} recorded ${known.size} bytes` : undefined;
    return { report: { ...base, state: problem ? 'corrupt' : 'healthy', problem }, lost: [], repairRevision: -1 };
  }
  const header = Buffer.alloc(FILE_HEADER.length);
  await handle.read(header, 0, header.length, 0);
  if (!header.equals(FILE_HEADER)) {
    const problem = `event log ${path} is corrupt at byte 0: not a Tessera event log (bad file header)`;
    return { report: { ...base, state: 'corrupt', firstBad: { offset: 0, reason: 'bad file header' }, problem }, lost: [], repairRevision: -1 };
  }
  const lost: LostEvent[] = [];
  let repairRevision = -1;
  const scan = await scanLog(
    handle,
    fileSize,
    (buf, at) => {
      if (readEntryRouting(buf, at).stream === LOG_REPAIR_STREAM) repairRevision = readEntryHeader(buf, at).revision;
    },
    collectLost
      ? (buf, at) => {
          const { stream, revision, position } = readEntryHeader(buf, at);
          lost.push({ stream, revision, position, type: readEntryRouting(buf, at).type });
        }
      : undefined,
  );
  const found = classifyScan(path, scan, known);
  const report: LogVerifyReport = {
    ...base,
    frames: scan.frames,
    events: scan.events,
    lastPosition: scan.lastPosition,
    state: found.kind === 'clean' ? 'healthy' : found.kind === 'torn' ? 'torn-tail' : 'corrupt',
    firstBad: scan.firstBad,
    validAfter: { frames: scan.after.frames, events: scan.after.events },
    problem: found.kind === 'corrupt' ? found.error.message : undefined,
  };
  return { report, scan, lost, repairRevision };
};

const openIfExists = async (path: string, flags: number): Promise<FileHandle | undefined> =>
  open(path, flags).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });

/** Reports the log's integrity; changes nothing in it. */
export const verifyLog = (dataDir: string): Promise<LogVerifyReport> =>
  withLock(dataDir, async () => {
    const path = logPathOf(dataDir);
    const handle = await openIfExists(path, constants.O_RDONLY);
    try {
      return (await examine(path, handle, false)).report;
    } finally {
      await handle?.close();
    }
  });

/** Cuts the log at its first bad frame, keeping what it removes; see the module comment. */
export const repairLog = (dataDir: string, now: () => Date = () => new Date()): Promise<LogRepairReport> =>
  withLock(dataDir, async () => {
    const path = logPathOf(dataDir);
    const handle = await openIfExists(path, constants.O_RDWR);
    try {
      const { report, scan, lost, repairRevision } = await examine(path, handle, true);
      const unchanged: LogRepairReport = { ...report, repaired: false, keptHead: report.lastPosition, lost: [], groupsMovedBack: [] };
      if (report.state === 'healthy') return unchanged;
      if (!handle || !scan) throw new Error(`${report.problem ?? 'the event log is damaged'}; log repair cannot fix a missing log or file header`);

      const cutAt = scan.firstBad?.offset ?? scan.fileSize;
      const keptHead = scan.lastPosition;
      const highest = Math.max(keptHead, scan.after.maxPosition, report.known?.head ?? 0);
      const savedTo = `${path}.repair-${cutAt}-${now().toISOString().replace(/[:.]/g, '-')}`;
      await copyRangeDurably(path, cutAt, scan.fileSize, savedTo);

      let end = cutAt;
      let markerPosition: number | undefined;
      const lostRange = highest > keptHead ? { from: keptHead + 1, to: highest } : undefined;
      if (lostRange) {
        markerPosition = highest + 1;
        const id = randomUUID();
        const at = now();
        const { bytes } = encodeFrame(
          [
            {
              stream: LOG_REPAIR_STREAM,
              revision: repairRevision + 1,
              position: markerPosition,
              event: {
                id,
                type: LOG_REPAIRED_EVENT_TYPE,
                data: {
                  cutAt,
                  removedBytes: scan.fileSize - cutAt,
                  savedTo,
                  reason: scan.firstBad?.reason ?? 'log shorter than its last clean close',
                  lostFrom: lostRange.from,
                  lostTo: lostRange.to,
                  lostEvents: lost.length,
                },
                metadata: { actorId: 'system:log-repair', correlationId: id, causationId: id, occurredAt: at.toISOString(), schemaVersion: 1 },
              },
            },
          ],
          at.getTime(),
        );
        // Marker first, then the cut: a crash in between leaves a log that still refuses to open
        // and that a second repair cuts after the marker; the removed bytes are already kept.
        await handle.write(bytes, 0, bytes.length, cutAt);
        await handle.datasync();
        end = cutAt + bytes.length;
      }
      await handle.truncate(end);
      await handle.datasync();
      const newHead = markerPosition ?? keptHead;
      await writeCleanEnd(path, { size: end, head: newHead });
      await removeDurableMark(path);
      const groupsMovedBack = await moveGroupsBack(join(dataDir, 'eventstore', 'groups'), keptHead);
      return { ...report, repaired: true, cutAt, removedBytes: scan.fileSize - cutAt, savedTo, keptHead, lostRange, lost, markerPosition, groupsMovedBack };
    } finally {
      await handle?.close();
    }
  });

/** Consumer groups are at least once: one past the kept head resumes from it. */
const moveGroupsBack = async (dir: string, keptHead: number): Promise<string[]> => {
  const moved: string[] = [];
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((file) => file.endsWith('.json'))) {
    const file = join(dir, name);
    const definition = JSON.parse(await readFile(file, 'utf8')) as { group: string; checkpoint: number };
    if (definition.checkpoint <= keptHead) continue;
    const temporary = `${file}.tmp`;
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(JSON.stringify({ ...definition, checkpoint: keptHead }));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
    moved.push(definition.group);
  }
  return moved;
};
