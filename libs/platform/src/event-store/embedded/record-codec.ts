import { crc32 } from 'node:zlib';
import type { EventMetadata } from '@tessera/contracts';
import type { EventToAppend, RecordedEvent } from '../event-store.port';

/**
 * On-disk format of the embedded log. One frame per append (an atomic multi-stream append is one
 * frame), so a torn write loses whole appends, never part of one. The index fields sit in a
 * fixed binary header in front of each event, so start-up rebuilds the indexes without parsing
 * any JSON payload.
 *
 *   file   := FILE_HEADER frame*
 *   frame  := u32 FRAME_MAGIC | u32 bodyLength | u32 crc32(body) | body
 *   body   := u32 eventCount | entry{eventCount}
 *   entry  := u32 entryLength | f64 position | f64 recordedAtMs | u32 revision
 *             | u16 streamLen | u16 typeLen | u16 idLen | u16 reserved | u32 dataLen | u32 metaLen
 *             | stream | type | id | data (JSON) | metadata (JSON)
 * All integers little-endian; positions are safe integers stored as doubles.
 */

export const FILE_HEADER = Buffer.from('TESSERA-LOG\0\0\0\0\u0001', 'latin1');
export const FRAME_MAGIC = 0x3146_5354; // "TSF1"
export const FRAME_HEADER_BYTES = 12;
const BODY_HEADER_BYTES = 4;
export const ENTRY_HEADER_BYTES = 40;
const MAX_NAME_BYTES = 0xffff;

/** An event with everything assigned at enqueue time: its stream, revision and position. */
export interface PlacedEvent {
  stream: string;
  revision: number;
  position: number;
  event: EventToAppend;
}

/** Where an encoded event sits inside its frame; the writer turns these into file offsets. */
export interface EncodedEntry {
  stream: string;
  revision: number;
  position: number;
  offsetInFrame: number;
  length: number;
}

export interface EncodedFrame {
  bytes: Buffer;
  entries: EncodedEntry[];
}

export class RecordTooLargeError extends Error {
  constructor(what: string) {
    super(`${what} is longer than ${MAX_NAME_BYTES} bytes`);
    this.name = 'RecordTooLargeError';
  }
}

const nameBytes = (value: string, what: string): number => {
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > MAX_NAME_BYTES) throw new RecordTooLargeError(what);
  return bytes;
};

/** Encodes one atomic append as one checksummed frame. */
export const encodeFrame = (events: readonly PlacedEvent[], recordedAtMs: number): EncodedFrame => {
  const parts = events.map((placed) => {
    const data = JSON.stringify(placed.event.data) ?? 'null';
    const metadata = JSON.stringify(placed.event.metadata) ?? 'null';
    const sizes = {
      stream: nameBytes(placed.stream, 'stream name'),
      type: nameBytes(placed.event.type, 'event type'),
      id: nameBytes(placed.event.id, 'event id'),
      data: Buffer.byteLength(data, 'utf8'),
      metadata: Buffer.byteLength(metadata, 'utf8'),
    };
    const length = ENTRY_HEADER_BYTES + sizes.stream + sizes.type + sizes.id + sizes.data + sizes.metadata;
    return { placed, data, metadata, sizes, length };
  });
  const bodyLength = BODY_HEADER_BYTES + parts.reduce((sum, part) => sum + part.length, 0);
  const bytes = Buffer.allocUnsafe(FRAME_HEADER_BYTES + bodyLength);
  bytes.writeUInt32LE(FRAME_MAGIC, 0);
  bytes.writeUInt32LE(bodyLength, 4);
  bytes.writeUInt32LE(parts.length, FRAME_HEADER_BYTES);

  const entries: EncodedEntry[] = [];
  let at = FRAME_HEADER_BYTES + BODY_HEADER_BYTES;
  for (const { placed, data, metadata, sizes, length } of parts) {
    entries.push({ stream: placed.stream, revision: placed.revision, position: placed.position, offsetInFrame: at, length });
    bytes.writeUInt32LE(length, at);
    bytes.writeDoubleLE(placed.position, at + 4);
    bytes.writeDoubleLE(recordedAtMs, at + 12);
    bytes.writeUInt32LE(placed.revision, at + 20);
    bytes.writeUInt16LE(sizes.stream, at + 24);
    bytes.writeUInt16LE(sizes.type, at + 26);
    bytes.writeUInt16LE(sizes.id, at + 28);
    bytes.writeUInt16LE(0, at + 30);
    bytes.writeUInt32LE(sizes.data, at + 32);
    bytes.writeUInt32LE(sizes.metadata, at + 36);
    let p = at + ENTRY_HEADER_BYTES;
    p += bytes.write(placed.stream, p, 'utf8');
    p += bytes.write(placed.event.type, p, 'utf8');
    p += bytes.write(placed.event.id, p, 'utf8');
    p += bytes.write(data, p, 'utf8');
    bytes.write(metadata, p, 'utf8');
    at += length;
  }
  bytes.writeUInt32LE(crc32(bytes.subarray(FRAME_HEADER_BYTES)), 8);
  return { bytes, entries };
};

/** The index fields of one entry, read from its binary header without touching the payload. */
export interface EntryHeader {
  length: number;
  position: number;
  revision: number;
  stream: string;
  idStart: number;
  idLength: number;
}

export const readEntryHeader = (buf: Buffer, at: number): EntryHeader => {
  const streamLen = buf.readUInt16LE(at + 24);
  const typeLen = buf.readUInt16LE(at + 26);
  const streamStart = at + ENTRY_HEADER_BYTES;
  return {
    length: buf.readUInt32LE(at),
    position: buf.readDoubleLE(at + 4),
    revision: buf.readUInt32LE(at + 20),
    stream: buf.toString('utf8', streamStart, streamStart + streamLen),
    idStart: streamStart + streamLen + typeLen,
    idLength: buf.readUInt16LE(at + 28),
  };
};

/** Stream and type of an entry: enough to apply a filter before paying for JSON.parse. */
export const readEntryRouting = (buf: Buffer, at: number): { stream: string; type: string } => {
  const streamLen = buf.readUInt16LE(at + 24);
  const typeLen = buf.readUInt16LE(at + 26);
  const streamStart = at + ENTRY_HEADER_BYTES;
  return {
    stream: buf.toString('utf8', streamStart, streamStart + streamLen),
    type: buf.toString('utf8', streamStart + streamLen, streamStart + streamLen + typeLen),
  };
};

export const decodeEntry = (buf: Buffer, at: number): RecordedEvent => {
  const streamLen = buf.readUInt16LE(at + 24);
  const typeLen = buf.readUInt16LE(at + 26);
  const idLen = buf.readUInt16LE(at + 28);
  const dataLen = buf.readUInt32LE(at + 32);
  const metaLen = buf.readUInt32LE(at + 36);
  let p = at + ENTRY_HEADER_BYTES;
  const stream = buf.toString('utf8', p, (p += streamLen));
  const type = buf.toString('utf8', p, (p += typeLen));
  const id = buf.toString('utf8', p, (p += idLen));
  const data: unknown = JSON.parse(buf.toString('utf8', p, (p += dataLen)));
  const metadata = JSON.parse(buf.toString('utf8', p, p + metaLen)) as EventMetadata;
  return {
    id,
    stream,
    type,
    revision: buf.readUInt32LE(at + 20),
    position: buf.readDoubleLE(at + 4),
    data,
    metadata,
    recordedAt: new Date(buf.readDoubleLE(at + 12)).toISOString(),
  };
};

export type FrameCheck =
  | { kind: 'frame'; length: number; eventCount: number }
  | { kind: 'incomplete'; needed: number }
  | { kind: 'invalid'; reason: string };

/**
 * Checks the frame starting at `at`. `incomplete` means the buffer ends inside the frame (read
 * more, or it is a torn tail if the file ends there too); `invalid` means the bytes are not a
 * frame that was ever fully written.
 */
export const checkFrame = (buf: Buffer, at: number, end: number): FrameCheck => {
  if (end - at < FRAME_HEADER_BYTES) return { kind: 'incomplete', needed: FRAME_HEADER_BYTES };
  if (buf.readUInt32LE(at) !== FRAME_MAGIC) return { kind: 'invalid', reason: 'bad frame magic' };
  const bodyLength = buf.readUInt32LE(at + 4);
  if (bodyLength < BODY_HEADER_BYTES + ENTRY_HEADER_BYTES) return { kind: 'invalid', reason: 'bad frame length' };
  const length = FRAME_HEADER_BYTES + bodyLength;
  if (end - at < length) return { kind: 'incomplete', needed: length };
  const body = buf.subarray(at + FRAME_HEADER_BYTES, at + length);
  if (crc32(body) !== buf.readUInt32LE(at + 8)) return { kind: 'invalid', reason: 'checksum mismatch' };
  return { kind: 'frame', length, eventCount: buf.readUInt32LE(at + FRAME_HEADER_BYTES) };
};

/** Offset of the first entry in a frame that starts at `frameStart`. */
export const firstEntryOffset = (frameStart: number): number => frameStart + FRAME_HEADER_BYTES + BODY_HEADER_BYTES;
