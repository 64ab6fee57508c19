import type { FileHandle } from 'node:fs/promises';
import { checkFrame, FILE_HEADER, firstEntryOffset, FRAME_HEADER_BYTES, FRAME_MAGIC } from './record-codec';

/**
 * The start-up scan of the log, and the classification of what it finds after the valid prefix.
 *
 * A frame that does not check (bad magic, implausible length, checksum mismatch, cut short by
 * the end of the file) ends the valid prefix. What follows decides what it is:
 * - no valid frame anywhere after it: a torn tail, the incomplete last group-commit batch of a
 *   process that died before its fdatasync returned (nothing in it was acknowledged);
 * - any valid frame after it: corruption. Acknowledged events follow the damage, so nothing may
 *   be cut without an operator asking for it (`npm run cli -- log repair`).
 * A later frame is looked for byte by byte: the frame magic, a length that fits in the file, and
 * a matching CRC-32 of the body (a random match is a 1 in 2^32 event per candidate).
 */

const CHUNK_BYTES = 8 * 1024 * 1024;
const MAGIC_BYTES = Buffer.alloc(4);
MAGIC_BYTES.writeUInt32LE(FRAME_MAGIC, 0);

/** Called for every entry of every valid frame, in log order. */
export type EntryVisitor = (buf: Buffer, entryAt: number, bufFileOffset: number) => void;

export interface LogScan {
  fileSize: number;
  /** End of the valid prefix: the offset of the first bad byte, or the file size. */
  validEnd: number;
  frames: number;
  events: number;
  /** Position of the last event of the valid prefix, 0 for none. */
  lastPosition: number;
  /** The first frame that does not check, if any. */
  firstBad?: { offset: number; reason: string };
  /** Valid frames found after the first bad one: any at all makes the damage corruption. */
  after: { frames: number; events: number; firstOffset?: number; maxPosition: number };
}

export class LayoutError extends Error {
  constructor(
    readonly offset: number,
    reason: string,
  ) {
    super(reason);
  }
}

/** A window of the file, refilled by big sequential reads. */
class Window {
  buf: Buffer;
  start = 0;
  filled = 0;

  constructor(
    private readonly handle: FileHandle,
    readonly fileSize: number,
  ) {
    this.buf = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(fileSize, 4096)));
  }

  /** Makes [offset, offset + length) readable in `buf` at `offset - start`; false past the end. */
  async ensure(offset: number, length: number): Promise<boolean> {
    if (offset + length > this.fileSize) return false;
    if (offset >= this.start && offset + length <= this.start + this.filled) return true;
    if (length > this.buf.length) this.buf = Buffer.allocUnsafe(Math.max(length, this.buf.length * 2));
    this.start = offset;
    this.filled = 0;
    const want = Math.min(this.buf.length, this.fileSize - offset);
    while (this.filled < want) {
      const { bytesRead } = await this.handle.read(this.buf, this.filled, want - this.filled, offset + this.filled);
      if (bytesRead === 0) break;
      this.filled += bytesRead;
    }
    return this.filled >= length;
  }

  /** The frame at `offset` if the window already holds enough to tell; undefined otherwise. */
  peek(offset: number): { length: number; eventCount: number } | { reason: string } | undefined {
    if (offset < this.start || offset + FRAME_HEADER_BYTES > this.start + this.filled) return undefined;
    const check = checkFrame(this.buf, offset - this.start, this.filled);
    if (check.kind === 'incomplete') return undefined;
    return check.kind === 'invalid' ? { reason: check.reason } : check;
  }

  /** The frame at `offset`, if a whole valid one starts there. */
  async frameAt(offset: number): Promise<{ length: number; eventCount: number } | { reason: string }> {
    if (!(await this.ensure(offset, FRAME_HEADER_BYTES))) return { reason: 'frame cut short' };
    let check = checkFrame(this.buf, offset - this.start, this.filled);
    if (check.kind === 'incomplete') {
      if (!(await this.ensure(offset, check.needed))) return { reason: 'frame cut short' };
      check = checkFrame(this.buf, offset - this.start, this.filled);
    }
    if (check.kind === 'invalid') return { reason: check.reason };
    if (check.kind === 'incomplete') return { reason: 'frame cut short' };
    return check;
  }

  /** The next offset after `from` where a whole valid frame starts, if any. */
  async nextValidFrame(from: number): Promise<number | undefined> {
    let at = from;
    while (at + FRAME_HEADER_BYTES <= this.fileSize) {
      await this.ensure(at, Math.min(CHUNK_BYTES, this.fileSize - at));
      const found = this.buf.subarray(0, this.filled).indexOf(MAGIC_BYTES, at - this.start);
      if (found < 0) {
        // Keep the last 3 bytes: a magic may straddle two windows.
        at = Math.max(at + 1, this.start + this.filled - 3);
        continue;
      }
      const candidate = this.start + found;
      const frame = await this.frameAt(candidate);
      if ('length' in frame) return candidate;
      at = candidate + 1;
    }
    return undefined;
  }
}

/**
 * Scans the log: visits every entry of the valid prefix, then classifies what follows the first
 * bad frame by looking for valid frames after it (visited with `visitAfter`). Throws LayoutError
 * for a frame whose checksum matched but whose entries do not fill it (a writer bug, not damage).
 */
export const scanLog = async (
  handle: FileHandle,
  fileSize: number,
  visit: EntryVisitor,
  visitAfter?: EntryVisitor,
): Promise<LogScan> => {
  const window = new Window(handle, fileSize);
  const scan: LogScan = { fileSize, validEnd: fileSize, frames: 0, events: 0, lastPosition: 0, after: { frames: 0, events: 0, maxPosition: 0 } };
  let at = FILE_HEADER.length;
  while (at < fileSize) {
    // Synchronous while the window holds the frame: an await per frame would cost a promise each.
    const frame = window.peek(at) ?? (await window.frameAt(at));
    if (!('length' in frame)) {
      scan.validEnd = at;
      scan.firstBad = { offset: at, reason: frame.reason };
      break;
    }
    const last = visitFrame(window, at, frame, visit);
    scan.frames++;
    scan.events += frame.eventCount;
    scan.lastPosition = last ?? scan.lastPosition;
    at += frame.length;
  }
  if (!scan.firstBad) return scan;

  // Past the damage: chain through valid frames, searching again after each break.
  let next = await window.nextValidFrame(scan.firstBad.offset + 1);
  while (next !== undefined) {
    const frame = await window.frameAt(next);
    if (!('length' in frame)) {
      next = await window.nextValidFrame(next + 1);
      continue;
    }
    scan.after.firstOffset ??= next;
    const last = visitFrame(window, next, frame, visitAfter);
    scan.after.frames++;
    scan.after.events += frame.eventCount;
    scan.after.maxPosition = Math.max(scan.after.maxPosition, last ?? 0);
    next += frame.length;
    if (next >= fileSize) break;
  }
  return scan;
};

/** Visits the entries of a frame that checked; returns the position of its last entry. */
const visitFrame = (
  window: Window,
  offset: number,
  frame: { length: number; eventCount: number },
  visit: EntryVisitor | undefined,
): number | undefined => {
  const buf = window.buf;
  const frameStart = offset - window.start;
  const frameEnd = frameStart + frame.length;
  let entryAt = firstEntryOffset(frameStart);
  let last: number | undefined;
  for (let i = 0; i < frame.eventCount; i++) {
    const length = entryAt + 4 <= frameEnd ? buf.readUInt32LE(entryAt) : 0;
    if (length < 4 || entryAt + length > frameEnd) throw new LayoutError(offset, 'entry overruns its frame');
    visit?.(buf, entryAt, window.start);
    last = buf.readDoubleLE(entryAt + 4);
    entryAt += length;
  }
  // The checksum matched, so a layout mismatch is a writer bug, not a torn write: refuse it.
  if (entryAt !== frameEnd) throw new LayoutError(offset, 'frame entries do not fill the frame');
  return last;
};
