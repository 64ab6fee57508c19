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
    get repairLog () {
        return repairLog;
    },
    get verifyLog () {
        return verifyLog;
    }
});
const _nodecrypto = require("node:crypto");
const _nodefs = require("node:fs");
const _promises = require("node:fs/promises");
const _nodepath = require("node:path");
const _cleanend = require("./clean-end");
const _datadirlock = require("./data-dir-lock");
const _embeddedeventstore = require("./embedded-event-store");
const _logfile = require("./log-file");
const _logscan = require("./log-scan");
const _recordcodec = require("./record-codec");
const logPathOf = (dataDir)=>(0, _nodepath.join)(dataDir, 'eventstore', 'events.log');
const withLock = async (dataDir, work)=>{
    const dir = (0, _nodepath.join)(dataDir, 'eventstore');
    await (0, _promises.mkdir)(dir, {
        recursive: true
    });
    const lock = await _datadirlock.DataDirLock.acquire((0, _nodepath.join)(dir, 'LOCK'));
    try {
        return await work();
    } finally{
        await lock.release();
    }
};
const examine = async (path, handle, collectLost)=>{
    let cleanEnd;
    try {
        cleanEnd = await (0, _cleanend.readCleanEnd)(path);
    } catch (error) {
        // Start-up refuses such a folder (exit 65), so verify must not call it healthy.
        if (!(error instanceof _cleanend.CleanEndUnreadableError)) throw error;
        const fileSize = handle ? (await handle.stat()).size : 0;
        const report = {
            path,
            fileSize,
            frames: 0,
            events: 0,
            lastPosition: 0,
            state: 'corrupt',
            validAfter: {
                frames: 0,
                events: 0
            },
            problem: error.message
        };
        return {
            report,
            lost: [],
            repairRevision: -1
        };
    }
    const durable = cleanEnd ? undefined : await (0, _cleanend.readDurableMark)(path);
    const known = cleanEnd ? {
        ...cleanEnd,
        recordedBy: 'its last clean close'
    } : durable && {
        ...durable,
        recordedBy: 'its last acknowledged write'
    };
    const fileSize = handle ? (await handle.stat()).size : 0;
    const base = {
        path,
        fileSize,
        frames: 0,
        events: 0,
        lastPosition: 0,
        state: 'healthy',
        validAfter: {
            frames: 0,
            events: 0
        },
        known
    };
    if (!handle || fileSize < _recordcodec.FILE_HEADER.length) {
        const problem = known && known.size > fileSize ? `event log ${path} is ${fileSize} bytes, but ${known.recordedBy} recorded ${known.size} bytes` : undefined;
        return {
            report: {
                ...base,
                state: problem ? 'corrupt' : 'healthy',
                problem
            },
            lost: [],
            repairRevision: -1
        };
    }
    const header = Buffer.alloc(_recordcodec.FILE_HEADER.length);
    await handle.read(header, 0, header.length, 0);
    if (!header.equals(_recordcodec.FILE_HEADER)) {
        const problem = `event log ${path} is corrupt at byte 0: not a Tessera event log (bad file header)`;
        return {
            report: {
                ...base,
                state: 'corrupt',
                firstBad: {
                    offset: 0,
                    reason: 'bad file header'
                },
                problem
            },
            lost: [],
            repairRevision: -1
        };
    }
    const lost = [];
    let repairRevision = -1;
    const scan = await (0, _logscan.scanLog)(handle, fileSize, (buf, at)=>{
        if ((0, _recordcodec.readEntryRouting)(buf, at).stream === _embeddedeventstore.LOG_REPAIR_STREAM) repairRevision = (0, _recordcodec.readEntryHeader)(buf, at).revision;
    }, collectLost ? (buf, at)=>{
        const { stream, revision, position } = (0, _recordcodec.readEntryHeader)(buf, at);
        lost.push({
            stream,
            revision,
            position,
            type: (0, _recordcodec.readEntryRouting)(buf, at).type
        });
    } : undefined);
    const found = (0, _logfile.classifyScan)(path, scan, known);
    const report = {
        ...base,
        frames: scan.frames,
        events: scan.events,
        lastPosition: scan.lastPosition,
        state: found.kind === 'clean' ? 'healthy' : found.kind === 'torn' ? 'torn-tail' : 'corrupt',
        firstBad: scan.firstBad,
        validAfter: {
            frames: scan.after.frames,
            events: scan.after.events
        },
        problem: found.kind === 'corrupt' ? found.error.message : undefined
    };
    return {
        report,
        scan,
        lost,
        repairRevision
    };
};
const openIfExists = async (path, flags)=>(0, _promises.open)(path, flags).catch((error)=>{
        if (error.code === 'ENOENT') return undefined;
        throw error;
    });
const verifyLog = (dataDir)=>withLock(dataDir, async ()=>{
        const path = logPathOf(dataDir);
        const handle = await openIfExists(path, _nodefs.constants.O_RDONLY);
        try {
            return (await examine(path, handle, false)).report;
        } finally{
            await handle?.close();
        }
    });
const repairLog = (dataDir, now = ()=>new Date())=>withLock(dataDir, async ()=>{
        const path = logPathOf(dataDir);
        const handle = await openIfExists(path, _nodefs.constants.O_RDWR);
        try {
            const { report, scan, lost, repairRevision } = await examine(path, handle, true);
            const unchanged = {
                ...report,
                repaired: false,
                keptHead: report.lastPosition,
                lost: [],
                groupsMovedBack: []
            };
            if (report.state === 'healthy') return unchanged;
            if (!handle || !scan) throw new Error(`${report.problem ?? 'the event log is damaged'}; log repair cannot fix a missing log or file header`);
            const cutAt = scan.firstBad?.offset ?? scan.fileSize;
            const keptHead = scan.lastPosition;
            const highest = Math.max(keptHead, scan.after.maxPosition, report.known?.head ?? 0);
            const savedTo = `${path}.repair-${cutAt}-${now().toISOString().replace(/[:.]/g, '-')}`;
            await (0, _logfile.copyRangeDurably)(path, cutAt, scan.fileSize, savedTo);
            let end = cutAt;
            let markerPosition;
            const lostRange = highest > keptHead ? {
                from: keptHead + 1,
                to: highest
            } : undefined;
            if (lostRange) {
                markerPosition = highest + 1;
                const id = (0, _nodecrypto.randomUUID)();
                const at = now();
                const { bytes } = (0, _recordcodec.encodeFrame)([
                    {
                        stream: _embeddedeventstore.LOG_REPAIR_STREAM,
                        revision: repairRevision + 1,
                        position: markerPosition,
                        event: {
                            id,
                            type: _embeddedeventstore.LOG_REPAIRED_EVENT_TYPE,
                            data: {
                                cutAt,
                                removedBytes: scan.fileSize - cutAt,
                                savedTo,
                                reason: scan.firstBad?.reason ?? 'log shorter than its last clean close',
                                lostFrom: lostRange.from,
                                lostTo: lostRange.to,
                                lostEvents: lost.length
                            },
                            metadata: {
                                actorId: 'system:log-repair',
                                correlationId: id,
                                causationId: id,
                                occurredAt: at.toISOString(),
                                schemaVersion: 1
                            }
                        }
                    }
                ], at.getTime());
                // Marker first, then the cut: a crash in between leaves a log that still refuses to open
                // and that a second repair cuts after the marker; the removed bytes are already kept.
                await handle.write(bytes, 0, bytes.length, cutAt);
                await handle.datasync();
                end = cutAt + bytes.length;
            }
            await handle.truncate(end);
            await handle.datasync();
            const newHead = markerPosition ?? keptHead;
            await (0, _cleanend.writeCleanEnd)(path, {
                size: end,
                head: newHead
            });
            await (0, _cleanend.removeDurableMark)(path);
            const groupsMovedBack = await moveGroupsBack((0, _nodepath.join)(dataDir, 'eventstore', 'groups'), keptHead);
            return {
                ...report,
                repaired: true,
                cutAt,
                removedBytes: scan.fileSize - cutAt,
                savedTo,
                keptHead,
                lostRange,
                lost,
                markerPosition,
                groupsMovedBack
            };
        } finally{
            await handle?.close();
        }
    });
/** Consumer groups are at least once: one past the kept head resumes from it. */ const moveGroupsBack = async (dir, keptHead)=>{
    const moved = [];
    const names = await (0, _promises.readdir)(dir).catch(()=>[]);
    for (const name of names.filter((file)=>file.endsWith('.json'))){
        const file = (0, _nodepath.join)(dir, name);
        const definition = JSON.parse(await (0, _promises.readFile)(file, 'utf8'));
        if (definition.checkpoint <= keptHead) continue;
        const temporary = `${file}.tmp`;
        const handle = await (0, _promises.open)(temporary, 'w');
        try {
            await handle.writeFile(JSON.stringify({
                ...definition,
                checkpoint: keptHead
            }));
            await handle.sync();
        } finally{
            await handle.close();
        }
        await (0, _promises.rename)(temporary, file);
        moved.push(definition.group);
    }
    return moved;
};

//# sourceMappingURL=log-repair.js.map