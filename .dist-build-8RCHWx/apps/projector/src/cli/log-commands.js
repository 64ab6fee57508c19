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
    get formatPositions () {
        return formatPositions;
    },
    get registerLogCommands () {
        return registerLogCommands;
    }
});
const _adapters = require("../../../../libs/platform/src/adapters");
const _config = require("../../../../libs/platform/src/config/config");
const _embedded = require("../../../../libs/platform/src/event-store/embedded");
const _projectionengine = require("../projection-engine");
const _readmodels = require("../read-models");
const _rebuild = require("../rebuild");
/**
 * `npm run cli -- log verify | repair`: the embedded log's integrity, and its explicit repair.
 *
 * Exit codes of `log verify`: 0 healthy; 1 a torn tail (the next start cuts it, keeping a copy:
 * nothing acknowledged is in it); 65 (EX_DATAERR) corrupt, as the server's start-up refuses it.
 * `log repair` exits 0 once the log opens again (or was healthy).
 */ const CHECKPOINTS_COLLECTION = 'checkpoints';
let LogCommandError = class LogCommandError extends Error {
    constructor(message, exitCode){
        super(message), this.exitCode = exitCode;
    }
};
const embeddedOnly = ()=>{
    const config = (0, _config.loadConfig)(process.env);
    if (config.EVENTSTORE_URL) throw new LogCommandError('log commands act on the embedded log (DATA_DIR); EVENTSTORE_URL is set', 1);
    return config;
};
const explainLocked = (error, config)=>{
    if (error instanceof Error && error.name === 'DataDirLockedError') {
        throw new LogCommandError(`${error.message}.\nThe embedded event log (DATA_DIR=${config.DATA_DIR}) is in use by a running server. Stop the server first.`, 2);
    }
    throw error;
};
const formatPositions = (positions)=>{
    const sorted = [
        ...positions
    ].sort((a, b)=>a - b);
    const parts = [];
    for(let i = 0; i < sorted.length; i++){
        let j = i;
        while(j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1)j++;
        parts.push(j === i ? String(sorted[i]) : `${sorted[i]}..${sorted[j]}`);
        i = j;
    }
    return parts.join(', ');
};
const describeIntegrity = (report)=>{
    const lines = [
        `log: ${report.path} (${report.fileSize} bytes)`,
        `valid: ${report.frames} frames, ${report.events} events, last position ${report.lastPosition}`
    ];
    if (report.firstBad) lines.push(`first bad frame: byte ${report.firstBad.offset} (${report.firstBad.reason})`);
    if (report.firstBad || report.state === 'corrupt') lines.push(`valid after it: ${report.validAfter.events} records in ${report.validAfter.frames} frames`);
    if (report.state === 'healthy') lines.push('state: healthy');
    else if (report.state === 'torn-tail') {
        lines.push(`state: torn tail of ${report.fileSize - (report.firstBad?.offset ?? report.fileSize)} bytes (never acknowledged); the next start cuts it and keeps a copy`);
    } else lines.push(`state: CORRUPT: ${report.problem}`);
    return `${lines.join('\n')}\n`;
};
const plural = (count, word)=>count === 1 ? word : `${word}s`;
const describeLost = (lost, range)=>{
    const byStream = new Map();
    for (const event of lost)byStream.set(event.stream, [
        ...byStream.get(event.stream) ?? [],
        event
    ]);
    const lines = [
        ...byStream
    ].map(([stream, events])=>`  ${stream}: ${plural(events.length, 'revision')} ${formatPositions(events.map((e)=>e.revision))} at ${plural(events.length, 'position')} ${formatPositions(events.map((e)=>e.position))}`);
    const decoded = new Set(lost.map((event)=>event.position));
    const unknown = [];
    for(let position = range.from; position <= range.to; position++)if (!decoded.has(position)) unknown.push(position);
    if (unknown.length > 0) lines.push(`  positions ${formatPositions(unknown)}: in damaged frames, streams unknown`);
    return lines;
};
const describeRepair = (report)=>{
    const lines = [
        `cut ${report.path} at byte ${report.cutAt} (${report.firstBad?.reason ?? 'shorter than its last clean close'}): ` + `removed ${report.removedBytes} bytes, kept in ${report.savedTo}`
    ];
    if (report.lostRange) {
        lines.push(`lost ${report.lostRange.to - report.lostRange.from + 1} positions (${report.lost.length} decodable events), ${report.lostRange.from}..${report.lostRange.to}:`);
        lines.push(...describeLost(report.lost, report.lostRange));
        lines.push(`position ${report.markerPosition} holds the repair marker ($log-repairs); the next append gets ${(report.markerPosition ?? 0) + 1}: no position is handed out twice`);
    } else {
        lines.push('no acknowledged position was removed (a torn tail)');
    }
    if (report.groupsMovedBack.length > 0) lines.push(`consumer groups moved back to position ${report.keptHead}: ${report.groupsMovedBack.join(', ')}`);
    return `${lines.join('\n')}\n`;
};
/** Rebuilds the read models, and moves back other checkpoints, that count events the log lost. */ const reconcileCheckpoints = async (config, keptHead)=>{
    const events = await _embedded.EmbeddedEventStore.open({
        dataDir: config.DATA_DIR
    });
    const reads = await (0, _adapters.createReadStore)(config);
    const lines = [];
    try {
        // Past the kept head of this repair, or inside what an earlier repair removed.
        const pastHead = async (position)=>position > keptHead || !await events.holdsCheckpoint(position);
        const projectionCheckpoints = new Set(_readmodels.PROJECTIONS.map((projection)=>(0, _projectionengine.checkpointName)(projection)));
        for (const projection of _readmodels.PROJECTIONS){
            const checkpoint = await reads.getCheckpoint((0, _projectionengine.checkpointName)(projection));
            if (checkpoint === null || !await pastHead(checkpoint)) continue;
            const report = await (0, _rebuild.rebuildProjection)(events, reads, projection);
            lines.push(`read model ${(0, _projectionengine.checkpointName)(projection)}: checkpoint ${checkpoint} was past the kept head ${keptHead}; rebuilt up to position ${report.position}`);
        }
        const others = await reads.collection(CHECKPOINTS_COLLECTION).find({});
        for (const { _id: name, position } of others){
            if (projectionCheckpoints.has(name) || name.includes('__') || !await pastHead(position)) continue;
            await reads.saveCheckpoint(name, keptHead);
            lines.push(`checkpoint ${name}: ${position} was past the kept head; moved back to ${keptHead} (its consumer is at least once)`);
        }
        if (lines.length === 0) lines.push('no read-model checkpoint was past the kept head');
        const snapshotting = reads;
        if (typeof snapshotting.saveSnapshot === 'function') await snapshotting.saveSnapshot();
    } finally{
        await reads.close();
        await events.close();
    }
    return lines;
};
const run = (work)=>async ()=>{
        try {
            process.exitCode = await work();
        } catch (error) {
            process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
            process.exitCode = error instanceof LogCommandError ? error.exitCode : 1;
        }
    };
const registerLogCommands = (program)=>{
    const log = program.command('log').description('integrity of the embedded event log (DATA_DIR/eventstore/events.log)');
    log.command('verify').description('report the log\'s integrity without changing it (exit 0 healthy, 1 torn tail, 65 corrupt)').action(run(async ()=>{
        const config = embeddedOnly();
        const report = await (0, _embedded.verifyLog)(config.DATA_DIR).catch((error)=>explainLocked(error, config));
        process.stdout.write(describeIntegrity(report));
        return report.state === 'healthy' ? 0 : report.state === 'torn-tail' ? 1 : _embedded.EXIT_LOG_DAMAGED;
    }));
    log.command('repair').description('cut the log at its first bad frame (keeping a copy), list what is lost, rebuild read models past the new head').action(run(async ()=>{
        const config = embeddedOnly();
        const report = await (0, _embedded.repairLog)(config.DATA_DIR).catch((error)=>explainLocked(error, config));
        if (!report.repaired) {
            process.stdout.write(`${describeIntegrity(report)}nothing to repair\n`);
        } else {
            process.stdout.write(describeRepair(report));
        }
        process.stdout.write(`${(await reconcileCheckpoints(config, report.keptHead)).join('\n')}\n`);
        return 0;
    }));
};

//# sourceMappingURL=log-commands.js.map