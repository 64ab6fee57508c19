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
    get LogCorruptedError () {
        return LogCorruptedError;
    },
    get LogFile () {
        return LogFile;
    },
    get classifyScan () {
        return classifyScan;
    },
    get copyRangeDurably () {
        return copyRangeDurably;
    },
    get fileWriteOps () {
        return fileWriteOps;
    }
});
const _nodefs = require("node:fs");
const _promises = require("node:fs/promises");
const _promises1 = require("node:stream/promises");
const _logscan = require("./log-scan");
const _recordcodec = require("./record-codec");
let LogCorruptedError = class LogCorruptedError extends Error {
    constructor(path, offset, reason, /** Valid records found after the damage: acknowledged events that a cut would lose. */ validRecordsAfter = 0){
        super(`event log ${path} is corrupt at byte ${offset}: ${reason}` + (validRecordsAfter > 0 ? `; ${validRecordsAfter} valid records follow it` : '') + '. Nothing was changed: inspect with "npm run cli -- log verify", cut at the damage with "npm run cli -- log repair"'), this.path = path, this.offset = offset, this.reason = reason, this.validRecordsAfter = validRecordsAfter;
        this.name = 'LogCorruptedError';
    }
};
const copyRangeDurably = async (path, from, to, target)=>{
    if (to > from) await (0, _promises1.pipeline)((0, _nodefs.createReadStream)(path, {
        start: from,
        end: to - 1
    }), (0, _nodefs.createWriteStream)(target, {
        flags: 'wx'
    }));
    else await (0, _promises.writeFile)(target, Buffer.alloc(0), {
        flag: 'wx'
    });
    const copy = await (0, _promises.open)(target, 'r+');
    try {
        await copy.sync();
    } finally{
        await copy.close();
    }
};
const classifyScan = (path, scan, known)=>{
    const { firstBad } = scan;
    const corrupt = (offset, reason, after = 0)=>({
            kind: 'corrupt',
            error: new LogCorruptedError(path, offset, reason, after)
        });
    if (firstBad && scan.after.frames > 0) return corrupt(firstBad.offset, firstBad.reason, scan.after.events);
    if (firstBad && known && firstBad.offset < known.size) {
        return corrupt(firstBad.offset, `${firstBad.reason}, before the acknowledged end that ${known.recordedBy} recorded (byte ${known.size}), so not a torn write`);
    }
    if (known && scan.lastPosition < known.head) {
        return corrupt(scan.validEnd, `the log ends at position ${scan.lastPosition}, but ${known.recordedBy} recorded position ${known.head} (${known.size} bytes)`);
    }
    return firstBad ? {
        kind: 'torn'
    } : {
        kind: 'clean'
    };
};
const fileWriteOps = {
    write: (handle, buf, offset, length, position)=>handle.write(buf, offset, length, position),
    datasync: (handle)=>handle.datasync(),
    truncate: (handle, length)=>handle.truncate(length)
};
let LogFile = class LogFile {
    constructor(path, handle, end){
        this.path = path;
        this.handle = handle;
        this.end = end;
        /** See LogWriteOps. */ this.writeOps = fileWriteOps;
    }
    /**
   * Opens (creating if needed) the log and visits every valid entry. Cuts a torn tail (keeping the
   * cut bytes next to the log); refuses corruption with LogCorruptedError and changes nothing.
   */ static async open(path, visit, options = {}) {
        const handle = await (0, _promises.open)(path, _nodefs.constants.O_RDWR | _nodefs.constants.O_CREAT, 0o644);
        try {
            let size = (await handle.stat()).size;
            if (size < _recordcodec.FILE_HEADER.length) {
                if (options.known && options.known.size > size) {
                    throw new LogCorruptedError(path, 0, `the log is ${size} bytes, but ${options.known.recordedBy} recorded ${options.known.size} bytes`);
                }
                // A new log, or one whose creation was cut short before any frame could follow.
                await handle.truncate(0);
                await handle.write(_recordcodec.FILE_HEADER, 0, _recordcodec.FILE_HEADER.length, 0);
                await handle.datasync();
                size = _recordcodec.FILE_HEADER.length;
            } else {
                const header = Buffer.alloc(_recordcodec.FILE_HEADER.length);
                await handle.read(header, 0, header.length, 0);
                if (!header.equals(_recordcodec.FILE_HEADER)) throw new LogCorruptedError(path, 0, 'not a Tessera event log (bad file header)');
            }
            // A clean close records exactly where the acknowledged log ends. Bytes past it are appends
            // refused during a storage outage that the close could not cut off: never acknowledged,
            // however valid their frames look, so they go aside as a torn tail before anything is read.
            let pastCleanEnd;
            const known = options.known;
            if (known?.recordedBy === 'its last clean close' && size > known.size) {
                pastCleanEnd = {
                    offset: known.size,
                    bytes: size - known.size,
                    reason: 'bytes past the end its last clean close recorded (appends refused while the log could not write)',
                    savedTo: `${path}.torn-${known.size}-${Date.now()}`
                };
                await copyRangeDurably(path, known.size, size, pastCleanEnd.savedTo);
                await handle.truncate(known.size);
                await handle.datasync();
                size = known.size;
            }
            const scan = await (0, _logscan.scanLog)(handle, size, visit).catch((error)=>{
                if (error instanceof _logscan.LayoutError) throw new LogCorruptedError(path, error.offset, error.message);
                throw error;
            });
            let tornTail = pastCleanEnd;
            const found = classifyScan(path, scan, options.known);
            if (found.kind === 'corrupt') throw found.error;
            if (found.kind === 'torn') {
                const reason = scan.firstBad?.reason ?? 'torn tail';
                tornTail = {
                    offset: scan.validEnd,
                    bytes: size - scan.validEnd,
                    reason,
                    savedTo: `${path}.torn-${scan.validEnd}-${Date.now()}`
                };
                await copyRangeDurably(path, scan.validEnd, size, tornTail.savedTo);
                await handle.truncate(scan.validEnd);
                await handle.datasync();
            }
            return {
                file: new LogFile(path, handle, scan.validEnd),
                tornTail,
                scan
            };
        } catch (error) {
            await handle.close();
            throw error;
        }
    }
    /** End of the durable (and of the written) bytes. */ get size() {
        return this.end;
    }
    async read(offset, length) {
        const buf = Buffer.allocUnsafe(length);
        let done = 0;
        while(done < length){
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
   */ readNow(offset, length) {
        const buf = Buffer.allocUnsafe(length);
        let done = 0;
        while(done < length){
            const bytesRead = (0, _nodefs.readSync)(this.handle.fd, buf, done, length - done, offset + done);
            if (bytesRead === 0) throw new Error(`event log ${this.path}: short read at ${offset + done}`);
            done += bytesRead;
        }
        return buf;
    }
    /**
   * Writes at the end and makes the bytes durable: one write, one fdatasync. The end moves only
   * once they are durable: after a failure, the bytes past it are not part of the log, and
   * nothing may be written until `discardUndurable` has cut them off.
   */ async appendDurably(bytes) {
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
   */ async discardUndurable(probeBytes) {
        const handle = await (0, _promises.open)(this.path, _nodefs.constants.O_RDWR);
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
            await handle.close().catch(()=>undefined);
            throw error;
        }
        const old = this.handle;
        this.handle = handle;
        // close() waits for reads still in flight on the old handle.
        await old.close().catch(()=>undefined);
    }
    async writeFully(handle, bytes, at) {
        let done = 0;
        while(done < bytes.length){
            const { bytesWritten } = await this.writeOps.write(handle, bytes, done, bytes.length - done, at + done);
            done += bytesWritten;
        }
    }
    async close() {
        await this.handle.close();
    }
};

//# sourceMappingURL=log-file.js.map