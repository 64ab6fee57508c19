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
    get CleanEndUnreadableError () {
        return CleanEndUnreadableError;
    },
    get DurableMark () {
        return DurableMark;
    },
    get cleanEndPath () {
        return cleanEndPath;
    },
    get durableMarkPath () {
        return durableMarkPath;
    },
    get readCleanEnd () {
        return readCleanEnd;
    },
    get readDurableMark () {
        return readDurableMark;
    },
    get removeCleanEnd () {
        return removeCleanEnd;
    },
    get removeDurableMark () {
        return removeDurableMark;
    },
    get writeCleanEnd () {
        return writeCleanEnd;
    }
});
const _promises = require("node:fs/promises");
const _nodepath = require("node:path");
const _nodezlib = require("node:zlib");
const cleanEndPath = (logPath)=>`${logPath}.clean`;
let CleanEndUnreadableError = class CleanEndUnreadableError extends Error {
    constructor(path, reason){
        super(`${path} is unreadable (${reason}); it records where the event log ended at its last clean close. Remove it to open the log as after a crash`);
        this.name = 'CleanEndUnreadableError';
    }
};
const readCleanEnd = async (logPath)=>{
    const path = cleanEndPath(logPath);
    const text = await (0, _promises.readFile)(path, 'utf8').catch((error)=>{
        if (error.code === 'ENOENT') return undefined;
        throw error;
    });
    if (text === undefined) return undefined;
    let parsed;
    try {
        parsed = JSON.parse(text);
    } catch  {
        throw new CleanEndUnreadableError(path, 'not JSON');
    }
    if (!Number.isSafeInteger(parsed.size) || !Number.isSafeInteger(parsed.head)) throw new CleanEndUnreadableError(path, 'no size and head');
    return {
        size: parsed.size,
        head: parsed.head
    };
};
const syncDir = async (dir)=>{
    const handle = await (0, _promises.open)(dir, 'r');
    try {
        await handle.sync();
    } finally{
        await handle.close();
    }
};
const writeCleanEnd = async (logPath, end)=>{
    const path = cleanEndPath(logPath);
    const temporary = `${path}.tmp`;
    const handle = await (0, _promises.open)(temporary, 'w');
    try {
        await handle.writeFile(JSON.stringify({
            ...end,
            closedAt: new Date().toISOString()
        }));
        await handle.sync();
    } finally{
        await handle.close();
    }
    await (0, _promises.rename)(temporary, path);
    await syncDir((0, _nodepath.dirname)(path));
};
const removeCleanEnd = async (logPath)=>{
    const removed = await (0, _promises.unlink)(cleanEndPath(logPath)).then(()=>true, (error)=>{
        if (error.code === 'ENOENT') return false;
        throw error;
    });
    if (removed) await syncDir((0, _nodepath.dirname)(logPath));
};
/**
 * The durable mark (`events.log.durable`): the size and head of the log after the last batch
 * whose fdatasync returned, rewritten in place after each batch (coalesced, one write in flight,
 * not synced itself). It only ever names bytes that were already durable, so after a kill -9 or
 * a power cut it is a safe lower bound of what was acknowledged: a bad frame before it is
 * corruption even without a clean close. Lost or torn (its checksum fails), it is ignored.
 */ const MARK_BYTES = 32;
const MARK_MAGIC = 0x4d44_5354; // "TSDM"
const durableMarkPath = (logPath)=>`${logPath}.durable`;
const encodeMark = (end)=>{
    const bytes = Buffer.alloc(MARK_BYTES);
    bytes.writeUInt32LE(MARK_MAGIC, 0);
    bytes.writeUInt32LE(1, 4);
    bytes.writeDoubleLE(end.size, 8);
    bytes.writeDoubleLE(end.head, 16);
    bytes.writeUInt32LE((0, _nodezlib.crc32)(bytes.subarray(0, 24)), 24);
    return bytes;
};
const readDurableMark = async (logPath)=>{
    const bytes = await (0, _promises.readFile)(durableMarkPath(logPath)).catch(()=>undefined);
    if (!bytes || bytes.length < MARK_BYTES || bytes.readUInt32LE(0) !== MARK_MAGIC) return undefined;
    if ((0, _nodezlib.crc32)(bytes.subarray(0, 24)) !== bytes.readUInt32LE(24)) return undefined;
    const end = {
        size: bytes.readDoubleLE(8),
        head: bytes.readDoubleLE(16)
    };
    return Number.isSafeInteger(end.size) && Number.isSafeInteger(end.head) ? end : undefined;
};
const removeDurableMark = (logPath)=>(0, _promises.unlink)(durableMarkPath(logPath)).catch(()=>undefined);
let DurableMark = class DurableMark {
    constructor(handle){
        this.handle = handle;
    }
    /**
   * Opens the mark and records `end`, the log as the open scan found it. Best effort, like every
   * write of the mark: on a full disk the store still opens, and without a mark the next open
   * only treats bad last frames as torn.
   */ static async open(logPath, end) {
        const handle = await (0, _promises.open)(durableMarkPath(logPath), 'w').catch(()=>undefined);
        const mark = new DurableMark(handle);
        await handle?.write(encodeMark(end), 0, MARK_BYTES, 0).catch(()=>undefined);
        return mark;
    }
    /** Records a new durable end; writes coalesce, one in flight at a time. */ record(end) {
        if (!this.handle) return;
        this.next = end;
        if (!this.writing) this.writing = this.flush(this.handle);
    }
    async close() {
        await this.writing;
        await this.handle?.close().catch(()=>undefined);
    }
    async flush(handle) {
        try {
            while(this.next){
                const end = this.next;
                this.next = undefined;
                await handle.write(encodeMark(end), 0, MARK_BYTES, 0);
            }
        } catch  {
            // Best effort: a missing mark only makes the next open treat bad last frames as torn.
            this.next = undefined;
        } finally{
            this.writing = undefined;
        }
    }
};

//# sourceMappingURL=clean-end.js.map