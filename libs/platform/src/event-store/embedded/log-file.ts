import { constants, readSync } from 'node:fs';
import { open, writeFile, type FileHandle } from 'node:fs/promises';
import { checkFrame, FILE_HEADER, firstEntryOffset } from './record-codec';

/**
 * The log file: opened read-write, scanned and repaired at start-up, then read with positioned
 * reads and extended only by the group-commit writer.
 */

const SCAN_CHUNK_BYTES = 8 * 1024 * 1024;
/** A torn tail up to this size is copied aside before truncation, for forensics. */
const KEEP_TORN_TAIL_BYTES = 64 * 1024 * 1024;

export class LogCorruptedError extends Error {
  constructor(path: string, offset: number, reason: string) {
    super(`event log ${path} is corrupt at byte ${offset}: ${reason}`);
    this.name = 'LogCorruptedError';
  }
}

export interface TornTail {
  /** File offset where the valid log ends and the torn bytes began. */
  offset: number;
  bytes: number;
  reason: string;
  /** Where the cut-off bytes were saved, if they were. */
  savedTo?: string;
}

/** Called for every entry of every valid frame, in log order, during the start-up scan. */
export type EntryVisitor = (buf: Buffer, entryAt: number, bufFileOffset: number) => void;

/**
 * The file operations the write path goes through. Tests replace them (EmbeddedEventStore's
 * `writeOps`) to inject write and fsync failures; nothing else does.
 */
export interface LogWriteOps {
  write(handle: FileHandle, buf: Buffer, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  datasync(handle: FileHandle): Promise<void>;
  truncate(handle: FileHandle, length: number): Promise<void>;
}

export const fileWriteOps: LogWriteOps = {
  write: (handle, buf, offset, length, position) => handle.write(buf, offset, length, position),
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

  /** Opens (creating if needed) the log, visits every valid entry and truncates a torn tail. */
  static async open(path: string, visit: EntryVisitor): Promise<{ file: LogFile; tornTail?: TornTail }> {
    const handle = await open(path, constants.O_RDWR | constants.O_CREAT, 0o644);
    try {
      let size = (await handle.stat()).size;
      if (size < FILE_HEADER.length) {
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
      const scan = await scanFrames(path, handle, size, visit);
      let tornTail: TornTail | undefined;
      if (scan.validEnd < size) {
        tornTail = { offset: scan.validEnd, bytes: size - scan.validEnd, reason: scan.reason ?? 'torn tail' };
        if (tornTail.bytes <= KEEP_TORN_TAIL_BYTES) {
          const tail = Buffer.alloc(tornTail.bytes);
          await handle.read(tail, 0, tail.length, scan.validEnd);
          tornTail.savedTo = `${path}.torn-${scan.validEnd}`;
          await writeFile(tornTail.savedTo, tail);
        }
        await handle.truncate(scan.validEnd);
        await handle.datasync();
      }
      return { file: new LogFile(path, handle, scan.validEnd), tornTail };
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

const scanFrames = async (
  path: string,
  handle: FileHandle,
  fileSize: number,
  visit: EntryVisitor,
): Promise<{ validEnd: number; reason?: string }> => {
  let chunk = Buffer.allocUnsafe(Math.min(SCAN_CHUNK_BYTES, Math.max(fileSize, 4096)));
  let chunkStart = FILE_HEADER.length; // file offset of chunk[0]
  let filled = 0;
  let at = 0;
  for (;;) {
    const frameOffset = chunkStart + at;
    if (frameOffset >= fileSize) return { validEnd: frameOffset };
    const check = checkFrame(chunk, at, filled);
    if (check.kind === 'invalid') return { validEnd: frameOffset, reason: check.reason };
    if (check.kind === 'incomplete') {
      if (frameOffset + check.needed > fileSize) return { validEnd: frameOffset, reason: 'frame cut short' };
      const remaining = filled - at;
      if (check.needed > chunk.length) {
        const bigger = Buffer.allocUnsafe(Math.max(check.needed, chunk.length * 2));
        chunk.copy(bigger, 0, at, filled);
        chunk = bigger;
      } else {
        chunk.copy(chunk, 0, at, filled);
      }
      chunkStart = frameOffset;
      filled = remaining;
      at = 0;
      const toRead = Math.min(chunk.length - filled, fileSize - (chunkStart + filled));
      const { bytesRead } = await handle.read(chunk, filled, toRead, chunkStart + filled);
      filled += bytesRead;
      if (bytesRead === 0) return { validEnd: frameOffset, reason: 'short read' };
      continue;
    }
    const frameEnd = at + check.length;
    let entryAt = firstEntryOffset(at);
    for (let i = 0; i < check.eventCount; i++) {
      const length = chunk.readUInt32LE(entryAt);
      if (entryAt + length > frameEnd) throw new LogCorruptedError(path, frameOffset, 'entry overruns its frame');
      visit(chunk, entryAt, chunkStart);
      entryAt += length;
    }
    // The checksum matched, so a layout mismatch is a writer bug, not a torn write: refuse it.
    if (entryAt !== frameEnd) throw new LogCorruptedError(path, frameOffset, 'frame entries do not fill the frame');
    at = frameEnd;
  }
};
