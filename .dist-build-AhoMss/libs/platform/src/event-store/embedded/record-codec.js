"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get ENTRY_HEADER_BYTES () {
        return ENTRY_HEADER_BYTES;
    },
    get FILE_HEADER () {
        return FILE_HEADER;
    },
    get FRAME_HEADER_BYTES () {
        return FRAME_HEADER_BYTES;
    },
    get FRAME_MAGIC () {
        return FRAME_MAGIC;
    },
    get RecordTooLargeError () {
        return RecordTooLargeError;
    },
    get checkFrame () {
        return checkFrame;
    },
    get decodeEntry () {
        return decodeEntry;
    },
    get encodeFrame () {
        return encodeFrame;
    },
    get firstEntryOffset () {
        return firstEntryOffset;
    },
    get readEntryHeader () {
        return readEntryHeader;
    },
    get readEntryRouting () {
        return readEntryRouting;
    }
});
const _nodezlib = require("node:zlib");
const FILE_HEADER = Buffer.from('TESSERA-LOG\0\0\0\0\u0001', 'latin1');
const FRAME_MAGIC = 0x3146_5354; // "TSF1"
const FRAME_HEADER_BYTES = 12;
const BODY_HEADER_BYTES = 4;
const ENTRY_HEADER_BYTES = 40;
const MAX_NAME_BYTES = 0xffff;
let RecordTooLargeError = class RecordTooLargeError extends Error {
    constructor(what){
        super(`${what} is longer than ${MAX_NAME_BYTES} bytes`);
        this.name = 'RecordTooLargeError';
    }
};
const nameBytes = (value, what)=>{
    const bytes = Buffer.byteLength(value, 'utf8');
    if (bytes > MAX_NAME_BYTES) throw new RecordTooLargeError(what);
    return bytes;
};
const encodeFrame = (events, recordedAtMs)=>{
    const parts = events.map((placed)=>{
        const data = JSON.stringify(placed.event.data) ?? 'null';
        const metadata = JSON.stringify(placed.event.metadata) ?? 'null';
        const sizes = {
            stream: nameBytes(placed.stream, 'stream name'),
            type: nameBytes(placed.event.type, 'event type'),
            id: nameBytes(placed.event.id, 'event id'),
            data: Buffer.byteLength(data, 'utf8'),
            metadata: Buffer.byteLength(metadata, 'utf8')
        };
        const length = ENTRY_HEADER_BYTES + sizes.stream + sizes.type + sizes.id + sizes.data + sizes.metadata;
        return {
            placed,
            data,
            metadata,
            sizes,
            length
        };
    });
    const bodyLength = BODY_HEADER_BYTES + parts.reduce((sum, part)=>sum + part.length, 0);
    const bytes = Buffer.allocUnsafe(FRAME_HEADER_BYTES + bodyLength);
    bytes.writeUInt32LE(FRAME_MAGIC, 0);
    bytes.writeUInt32LE(bodyLength, 4);
    bytes.writeUInt32LE(parts.length, FRAME_HEADER_BYTES);
    const entries = [];
    let at = FRAME_HEADER_BYTES + BODY_HEADER_BYTES;
    for (const { placed, data, metadata, sizes, length } of parts){
        entries.push({
            stream: placed.stream,
            revision: placed.revision,
            position: placed.position,
            offsetInFrame: at,
            length
        });
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
    bytes.writeUInt32LE((0, _nodezlib.crc32)(bytes.subarray(FRAME_HEADER_BYTES)), 8);
    return {
        bytes,
        entries
    };
};
const readEntryHeader = (buf, at)=>{
    const streamLen = buf.readUInt16LE(at + 24);
    const typeLen = buf.readUInt16LE(at + 26);
    const streamStart = at + ENTRY_HEADER_BYTES;
    return {
        length: buf.readUInt32LE(at),
        position: buf.readDoubleLE(at + 4),
        revision: buf.readUInt32LE(at + 20),
        stream: buf.toString('utf8', streamStart, streamStart + streamLen),
        idStart: streamStart + streamLen + typeLen,
        idLength: buf.readUInt16LE(at + 28)
    };
};
const readEntryRouting = (buf, at)=>{
    const streamLen = buf.readUInt16LE(at + 24);
    const typeLen = buf.readUInt16LE(at + 26);
    const streamStart = at + ENTRY_HEADER_BYTES;
    return {
        stream: buf.toString('utf8', streamStart, streamStart + streamLen),
        type: buf.toString('utf8', streamStart + streamLen, streamStart + streamLen + typeLen)
    };
};
const decodeEntry = (buf, at)=>{
    const streamLen = buf.readUInt16LE(at + 24);
    const typeLen = buf.readUInt16LE(at + 26);
    const idLen = buf.readUInt16LE(at + 28);
    const dataLen = buf.readUInt32LE(at + 32);
    const metaLen = buf.readUInt32LE(at + 36);
    let p = at + ENTRY_HEADER_BYTES;
    const stream = buf.toString('utf8', p, p += streamLen);
    const type = buf.toString('utf8', p, p += typeLen);
    const id = buf.toString('utf8', p, p += idLen);
    const data = JSON.parse(buf.toString('utf8', p, p += dataLen));
    const metadata = JSON.parse(buf.toString('utf8', p, p + metaLen));
    return {
        id,
        stream,
        type,
        revision: buf.readUInt32LE(at + 20),
        position: buf.readDoubleLE(at + 4),
        data,
        metadata,
        recordedAt: new Date(buf.readDoubleLE(at + 12)).toISOString()
    };
};
const checkFrame = (buf, at, end)=>{
    if (end - at < FRAME_HEADER_BYTES) return {
        kind: 'incomplete',
        needed: FRAME_HEADER_BYTES
    };
    if (buf.readUInt32LE(at) !== FRAME_MAGIC) return {
        kind: 'invalid',
        reason: 'bad frame magic'
    };
    const bodyLength = buf.readUInt32LE(at + 4);
    if (bodyLength < BODY_HEADER_BYTES + ENTRY_HEADER_BYTES) return {
        kind: 'invalid',
        reason: 'bad frame length'
    };
    const length = FRAME_HEADER_BYTES + bodyLength;
    if (end - at < length) return {
        kind: 'incomplete',
        needed: length
    };
    const body = buf.subarray(at + FRAME_HEADER_BYTES, at + length);
    if ((0, _nodezlib.crc32)(body) !== buf.readUInt32LE(at + 8)) return {
        kind: 'invalid',
        reason: 'checksum mismatch'
    };
    return {
        kind: 'frame',
        length,
        eventCount: buf.readUInt32LE(at + FRAME_HEADER_BYTES)
    };
};
const firstEntryOffset = (frameStart)=>frameStart + FRAME_HEADER_BYTES + BODY_HEADER_BYTES;

//# sourceMappingURL=record-codec.js.map