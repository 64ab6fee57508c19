import { constants, createReadStream, createWriteStream, readSync, writeSync } from 'node:fs';
import { open, writeFile, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { LayoutError, scanLog, type EntryVisitor, type LogScan } from './log-scan';
import { FILE_HEADER } from './record-codec';

/**
 * The log file: opened read-write and scanned at start-up (a torn tail is cut and kept aside,
 * corruption is refused; see log-scan.ts), then read with positioned reads and extended only by
 * the group-commit writer.
 */

export class LogCorruptedError extends Error {
  constructor(
    readonly path: string,
    readonly offset: number,
    readonly reason: string,
    /** Valid records found after the damage: acknowledged events that a cut would lose. */
    readonly validRecordsAfter = 0,
  ) {
    super(
      `event log ${path} is corrupt at byte ${offset}: ${reason}` +
        (validRecordsAfter > 0 ? `; ${validRecordsAfter} valid records follow it` : '') +
        '. Nothing was changed: inspect with "npm run cli -- log verify", cut at the damage with "npm run cli -- log repair"',
    );
    this.name = 'LogCorruptedError';
  }
}

export interface TornTail {
  /** File offset where the valid log ends and the torn bytes began. */
  offset: number;
  bytes: number;
  reason: string;
  /** Where the cut-off bytes were saved (always). */
  savedTo: string;
}

/** What a clean close recorded: the log's size and head, so any damage before it is corruption. */
export interface CleanEnd {
  size: number;
  head: number;
}

/** What is known to have been acknowledged, and who recorded it (for messages). */
export interface KnownEnd extends CleanEnd {
  recordedBy: 'its last clean close' | 'its last acknowledged write';
}

export type { EntryVisitor } from './log-scan';

/** Copies [from, to) of the file to `target` without holding it in memory, and syncs the copy. */
export const copyRangeDurably = async (path: string, from: number, to: number, target: string): Promise<void> => {
  if (to > from) await pipeline(createReadStream(path, { start: from, end: to - 1 }), createWriteStream(target, { flags: 'wx' }));
  else await writeFile(target, Buffer.alloc(0), { flag: 'wx' });
  const copy = await open(target, 'r+');
  try {
    await copy.sync();
  } finally {
    await copy.close();
  }
};

/**
 * What the scan found: a torn tail (bad bytes that no valid frame follows, after no clean close
 * that says otherwise), corruption (anything else that is not clean), or a clean log.
 */
export const classifyScan = (
  path: string,
  scan: LogScan,
  known: KnownEnd | undefined,
): { kind: 'clean' } | { kind: 'torn' } | { kind: 'corrupt'; error: LogCorruptedError } => {
  const { firstBad } = scan;
  const corrupt = (offset: number, reason: string, after = 0) => ({ kind: 'corrupt' as const, error: new LogCorruptedError(path, offset, reason, after) });
  if (firstBad && scan.after.frames > 0) return corrupt(firstBad.offset, firstBad.reason, scan.after.events);
  if (firstBad && known && firstBad.offset < known.size) {
    return corrupt(firstBad.offset, `${firstBad.reason}, before the acknowledged end that ${known.recordedBy} recorded (byte ${known.size}), so not a torn write`);
  }
  if (known && scan.lastPosition < known.head) {
    return corrupt(scan.validEnd, `the log ends at position ${scan.lastPosition}, but ${known.recordedBy} recorded position ${known.head} (${known.size} bytes)`);
  }
  return firstBad ? { kind: 'torn' } : { kind: 'clean' };
};

/**
 * The file operations the write path goes through. Tests replace them (EmbeddedEventStore's
 * `writeOps`) to inject write and fsync failures; nothing else does.
 */
export interface LogWriteOps {
  write(handle: FileHandle, buf: Buffer, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  datasync(handle: FileHandle): Promise<void>;
  truncate(handle: FileHandle, length: number): Promise<void>;
}

/**
 * The write goes into the page cache on the event loop (`writeSync`), the fdatasync to the thread
 * pool. A batch is at most tens of KB, which the kernel copies in microseconds, and only the one
 * batch since the last fdatasync is ever dirty, so the write does not wait for writeback. Through
 * the thread pool the same write cost more: the hand-off took 40–110 µs of the event loop on
 * this machine (bench:feeds profile, 2026-12-04), and its completion was seen only at the next
 * turn of the loop, so a round of group commit took two turns where it now takes one.
 */
export const fileWriteOps: LogWriteOps = {
  write: async (handle, buf, offset, length, position) => ({ bytesWritten: writeSync(handle.fd, buf, offset, length, position) }),
  datasync: (handle) => handle.datasync(),
  truncate: (handle, length) => handle.truncate(length),
};

export class LogFile {
  /** See LogWriteOps. */
  writeOps: LogWriteOps = fileWriteOps;

  private constructor(
    readonly path: string,
    private handle: FileHandle,
    private end: number,
  ) {}

  /**
   * Opens (creating if needed) the log and visits every valid entry. Cuts a torn tail (keeping the
   * cut bytes next to the log); refuses corruption with LogCorruptedError and changes nothing.
   */
  static async open(
    path: string,
    visit: EntryVisitor,
    options: { known?: KnownEnd } = {},
  ): Promise<{ file: LogFile; tornTail?: TornTail; scan: LogScan }> {
    const handle = await open(path, constants.O_RDWR | constants.O_CREAT, 0o644);
    try {
      let size = (await handle.stat()).size;
      if (size < FILE_HEADER.length) {
        if (options.known && options.known.size > size) {
          throw new LogCorruptedError(path, 0, `the log is ${size} bytes, but ${options.known.recordedBy} recorded ${options.known.size} bytes`);
        }
        // A new log, or one whose creation was cut short before any frame could follow.
        await handle.truncate(0);
        await handle.write(FILE_HEADER, 0, FILE_HEADER.length, 0);
        await handle.datasync();
        size = FILE_HEADER.length;
      } else {
        const header = Buffer.alloc(FILE_HEADER.length);
        await handle.read(header, 0, header.length, 0);
        if (!header.equals(FILE_HEADER)) throw new LogCorruptedError(path, 0, 'not a Tessera event log (bad file header)');
      }
      // A clean close records exactly where the acknowledged log ends. Bytes past it are appends
      // refused during a storage outage that the close could not cut off: never acknowledged,
      // however valid their frames look, so they go aside as a torn tail before anything is read.
      let pastCleanEnd: TornTail | undefined;
      const known = options.known;
      if (known?.recordedBy === 'its last clean close' && size > known.size) {
        pastCleanEnd = {
          offset: known.size,
          bytes: size - known.size,
          reason: 'bytes past the end its last clean close recorded (appends refused while the log could not write)',
          savedTo: `${path}.torn-${known.size}-${Date.now()}`,
        };
        await copyRangeDurably(path, known.size, size, pastCleanEnd.savedTo as string);
        await handle.truncate(known.size);
        await handle.datasync();
        size = known.size;
      }
      const scan = await scanLog(handle, size, visit).catch((error: unknown) => {
        if (error instanceof LayoutError) throw new LogCorruptedError(path, error.offset, error.message);
        throw error;
      });
      let tornTail: TornTail | undefined = pastCleanEnd;
      const found = classifyScan(path, scan, options.known);
      if (found.kind === 'corrupt') throw found.error;
      if (found.kind === 'torn') {
        const reason = scan.firstBad?.reason ?? 'torn tail';
        tornTail = { offset: scan.validEnd, bytes: size - scan.validEnd, reason, savedTo: `${path}.torn-${scan.validEnd}-${Date.now()}` };
        await copyRangeDurably(path, scan.validEnd, size, tornTail.savedTo);
        await handle.truncate(scan.validEnd);
        await handle.datasync();
      }
      return { file: new LogFile(path, handle, scan.validEnd), tornTail, scan };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** End of the durable (and of the written) bytes. */
  get size(): number {
    return this.end;
  }

  async read(offset: number, length: number): Promise<Buffer> {
    const buf = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await this.handle.read(buf, done, length - done, offset + done);
      if (bytesRead === 0) throw new Error(`event log ${this.path}: short read at ${offset + done}`);
      done += bytesRead;
    }
    return buf;
  }

  /**
   * The same, without leaving the event loop: for the few hundred bytes of a stream read, a
   * positioned read from the page cache costs microseconds, while a thread-pool round trip
   * queues behind every fdatasync. Callers use it only for small reads.
   */
  readNow(offset: number, length: number): Buffer {
    const buf = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const bytesRead = readSync(this.handle.fd, buf, done, length - done, offset + done);
      if (bytesRead === 0) throw new Error(`event log ${this.path}: short read at ${offset + done}`);
      done += bytesRead;
    }
    return buf;
  }

  /**
   * Writes at the end and makes the bytes durable: one write, one fdatasync. The end moves only
   * once they are durable: after a failure, the bytes past it are not part of the log, and
   * nothing may be written until `discardUndurable` has cut them off.
   */
  async appendDurably(bytes: Buffer): Promise<number> {
    const at = this.end;
    await this.writeFully(this.handle, bytes, at);
    await this.writeOps.datasync(this.handle);
    this.end = at + bytes.length;
    return at;
  }

  /**
   * After a failed write or fdatasync: cuts the file back to the durable end and makes that cut
   * durable, on a freshly opened handle, then checks that `probeBytes` can be written and synced
   * there (and cuts them off again). Throws, leaving the log as unwritable as it found it, when
   * any step fails; then call it again later.
   *
   * Why this is safe after a failed fdatasync (Linux may drop the dirty pages and report the
   * error only once, "fsyncgate"): the bytes before the durable end were synced by an earlier,
   * successful fdatasync and are never rewritten, and everything after it is thrown away rather
   * than trusted or synced again. The new handle sees only errors raised after it was opened, so
   * its successful fdatasync means the cut, and what follows it, reached the disk.
   */
  async discardUndurable(probeBytes: number): Promise<void> {
    const handle = await open(this.path, constants.O_RDWR);
    try {
      await this.writeOps.truncate(handle, this.end);
      await this.writeOps.datasync(handle);
      if (probeBytes > 0) {
        await this.writeFully(handle, Buffer.alloc(probeBytes), this.end);
        await this.writeOps.datasync(handle);
        await this.writeOps.truncate(handle, this.end);
        await this.writeOps.datasync(handle);
      }
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
    const old = this.handle;
    this.handle = handle;
    // close() waits for reads still in flight on the old handle.
    await old.close().catch(() => undefined);
  }

  private async writeFully(handle: FileHandle, bytes: Buffer, at: number): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.writeOps.write(handle, bytes, done, bytes.length - done, at + done);
      done += bytesWritten;
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
