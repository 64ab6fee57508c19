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
    get LayoutError () {
        return LayoutError;
    },
    get scanLog () {
        return scanLog;
    }
});
const _recordcodec = require("./record-codec");
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
 */ const CHUNK_BYTES = 8 * 1024 * 1024;
const MAGIC_BYTES = Buffer.alloc(4);
MAGIC_BYTES.writeUInt32LE(_recordcodec.FRAME_MAGIC, 0);
let LayoutError = class LayoutError extends Error {
    constructor(offset, reason){
        super(reason), this.offset = offset;
    }
};
/** A window of the file, refilled by big sequential reads. */ let Window = class Window {
    constructor(handle, fileSize){
        this.handle = handle;
        this.fileSize = fileSize;
        this.start = 0;
        this.filled = 0;
        this.buf = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(fileSize, 4096)));
    }
    /** Makes [offset, offset + length) readable in `buf` at `offset - start`; false past the end. */ async ensure(offset, length) {
        if (offset + length > this.fileSize) return false;
        if (offset >= this.start && offset + length <= this.start + this.filled) return true;
        if (length > this.buf.length) this.buf = Buffer.allocUnsafe(Math.max(length, this.buf.length * 2));
        this.start = offset;
        this.filled = 0;
        const want = Math.min(this.buf.length, this.fileSize - offset);
        while(this.filled < want){
            const { bytesRead } = await this.handle.read(this.buf, this.filled, want - this.filled, offset + this.filled);
            if (bytesRead === 0) break;
            this.filled += bytesRead;
        }
        return this.filled >= length;
    }
    /** The frame at `offset` if the window already holds enough to tell; undefined otherwise. */ peek(offset) {
        if (offset < this.start || offset + _recordcodec.FRAME_HEADER_BYTES > this.start + this.filled) return undefined;
        const check = (0, _recordcodec.checkFrame)(this.buf, offset - this.start, this.filled);
        if (check.kind === 'incomplete') return undefined;
        return check.kind === 'invalid' ? {
            reason: check.reason
        } : check;
    }
    /** The frame at `offset`, if a whole valid one starts there. */ async frameAt(offset) {
        if (!await this.ensure(offset, _recordcodec.FRAME_HEADER_BYTES)) return {
            reason: 'frame cut short'
        };
        let check = (0, _recordcodec.checkFrame)(this.buf, offset - this.start, this.filled);
        if (check.kind === 'incomplete') {
            if (!await this.ensure(offset, check.needed)) return {
                reason: 'frame cut short'
            };
            check = (0, _recordcodec.checkFrame)(this.buf, offset - this.start, this.filled);
        }
        if (check.kind === 'invalid') return {
            reason: check.reason
        };
        if (check.kind === 'incomplete') return {
            reason: 'frame cut short'
        };
        return check;
    }
    /** The next offset after `from` where a whole valid frame starts, if any. */ async nextValidFrame(from) {
        let at = from;
        while(at + _recordcodec.FRAME_HEADER_BYTES <= this.fileSize){
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
};
const scanLog = async (handle, fileSize, visit, visitAfter)=>{
    const window = new Window(handle, fileSize);
    const scan = {
        fileSize,
        validEnd: fileSize,
        frames: 0,
        events: 0,
        lastPosition: 0,
        after: {
            frames: 0,
            events: 0,
            maxPosition: 0
        }
    };
    let at = _recordcodec.FILE_HEADER.length;
    while(at < fileSize){
        // Synchronous while the window holds the frame: an await per frame would cost a promise each.
        const frame = window.peek(at) ?? await window.frameAt(at);
        if (!('length' in frame)) {
            scan.validEnd = at;
            scan.firstBad = {
                offset: at,
                reason: frame.reason
            };
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
    while(next !== undefined){
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
/** Visits the entries of a frame that checked; returns the position of its last entry. */ const visitFrame = (window, offset, frame, visit)=>{
    const buf = window.buf;
    const frameStart = offset - window.start;
    const frameEnd = frameStart + frame.length;
    let entryAt = (0, _recordcodec.firstEntryOffset)(frameStart);
    let last;
    for(let i = 0; i < frame.eventCount; i++){
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

//# sourceMappingURL=log-scan.js.map