"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
require("reflect-metadata");
const _nodefs = require("node:fs");
const _nodeevents = require("node:events");
const _commander = require("commander");
const _cliprogress = require("cli-progress");
const _adapters = require("../../../../libs/platform/src/adapters");
const _datadirlock = require("../../../../libs/platform/src/event-store/embedded/data-dir-lock");
const _config = require("../../../../libs/platform/src/config/config");
const _startupfailure = require("../../../../libs/platform/src/event-store/embedded/startup-failure");
const _projectionengine = require("../projection-engine");
const _readmodels = require("../read-models");
const _rebuild = require("../rebuild");
const _logcommands = require("./log-commands");
const openStores = async ()=>{
    const config = (0, _config.loadConfig)(process.env);
    let events;
    try {
        events = await (0, _adapters.createEventStore)(config);
    } catch (error) {
        if (error instanceof _datadirlock.DataDirLockedError) throw new LogInUse(config, error);
        throw error;
    }
    const reads = await (0, _adapters.createReadStore)(config);
    return {
        events,
        reads,
        config
    };
};
const closeStores = async ({ events, reads }, save)=>{
    // The embedded read store lives in memory: its snapshot is what the next server start restores.
    const snapshotting = reads;
    if (save && typeof snapshotting.saveSnapshot === 'function') await snapshotting.saveSnapshot();
    await reads.close();
    await events.close();
};
let CliError = class CliError extends Error {
    constructor(message, exitCode = 1){
        super(message), this.exitCode = exitCode;
    }
};
/** A running server holds the embedded log. */ let LogInUse = class LogInUse extends CliError {
    constructor(config, lock){
        super(`${lock.message}.\nThe embedded event log (DATA_DIR=${config.DATA_DIR}) is in use by a running server. ` + 'Stop the server first, or run against the distributed stores (EVENTSTORE_URL, MONGO_URL).', 2), this.config = config, this.lock = lock;
    }
};
const projectionsNamed = (name)=>{
    if (name === 'all') return _readmodels.PROJECTIONS;
    const found = _readmodels.PROJECTIONS.filter((projection)=>projection.name === name);
    if (found.length === 0) throw new CliError(`no projection "${name}"; known: ${_readmodels.PROJECTIONS.map((p)=>p.name).join(', ')}, all`);
    return found;
};
const withStores = async (save, work)=>{
    const stores = await openStores();
    let code = 0;
    try {
        code = await work(stores);
    } finally{
        await closeStores(stores, save);
    }
    process.exitCode = code ?? 0;
};
const program = new _commander.Command().name('tessera').description('Tessera operator commands: rebuild and verify read models, export streams.');
const projections = program.command('projections').description('read models built from the log');
projections.command('rebuild').argument('<name>', `a projection (${_readmodels.PROJECTIONS.map((p)=>p.name).join(', ')}) or "all"`).description('rebuild into new collections from position 0, compare with the live model, then switch').action(async (name)=>{
    const chosen = projectionsNamed(name);
    await withStores(true, async ({ events, reads })=>{
        for (const projection of chosen){
            const bar = new _cliprogress.SingleBar({
                format: `${projection.name.padEnd(10)} [{bar}] {percentage}% | {value}/{total} positions | {eta}s`,
                stream: process.stderr
            }, _cliprogress.Presets.shades_classic);
            bar.start(Math.max(1, await events.headPosition()), 0);
            const report = await (0, _rebuild.rebuildProjection)(events, reads, projection, (position, head)=>{
                bar.setTotal(Math.max(1, head));
                bar.update(position);
            });
            bar.stop();
            const rate = report.ms > 0 ? Math.round(report.events / report.ms * 1000) : report.events;
            process.stdout.write(`${projection.name}: ${report.events} events up to position ${report.position} in ${Math.round(report.ms)} ms (${rate} events/s); ` + `compared with live: ${report.comparedWithLive}${report.livePosition === null ? '' : ` (live was at ${report.livePosition})`}; switched\n`);
        }
    });
});
projections.command('verify').argument('[name]', 'a projection or "all"', 'all').description('rebuild on the side up to the live checkpoint and compare by hash (exit 1 on a difference)').action(async (name)=>{
    const chosen = projectionsNamed(name);
    await withStores(false, async ({ events, reads })=>{
        let differences = 0;
        for (const projection of chosen){
            const report = await (0, _rebuild.verifyProjection)(events, reads, projection);
            if (!report.identical) differences++;
            process.stdout.write(`${projection.name}: ${report.identical ? 'identical' : 'DIFFERENT'} at position ${report.position} (live ${report.live.slice(0, 16)}…, rebuilt ${report.rebuilt.slice(0, 16)}…)\n`);
        }
        return differences > 0 ? 1 : 0;
    });
});
const writeStatus = (head, checkpoints)=>{
    process.stdout.write(`log head: ${head}\n`);
    for (const projection of _readmodels.PROJECTIONS){
        const checkpoint = checkpoints.get((0, _projectionengine.checkpointName)(projection)) ?? null;
        const lag = checkpoint === null ? 'never run' : `${head - checkpoint} positions behind`;
        process.stdout.write(`${(0, _projectionengine.checkpointName)(projection).padEnd(14)} ${String(checkpoint ?? '-').padStart(10)}  ${lag}\n`);
    }
};
/** Where the server of this environment answers (PORT, HOST), unless --url names it. */ const serverUrl = (config, url)=>{
    if (url) return url;
    const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST === '::' ? '::1' : config.HOST;
    return `http://${host.includes(':') ? `[${host}]` : host}:${config.PORT}`;
};
/**
 * Status from the server that holds the embedded log, through its /health: the checkpoints in its
 * memory are the live ones (the read-model snapshot on disk is up to 30 s old), and the CLI
 * reads none of the files that server is writing.
 */ const statusFromServer = async ({ config, lock }, url)=>{
    const refuse = (why)=>new CliError(`the embedded event log (DATA_DIR=${config.DATA_DIR}) is in use by process ${lock.ownerPid}, and ${why}; pass --url with that server's address`, 2);
    let details;
    try {
        const answer = await fetch(new URL('/health', url), {
            signal: AbortSignal.timeout(5000)
        });
        details = (await answer.json()).details;
    } catch (error) {
        throw refuse(`no server answers at ${url} (${error instanceof Error ? error.cause?.message ?? error.message : String(error)})`);
    }
    const log = details?.eventStore;
    if (log?.mode !== 'embedded' || log.head === undefined) throw refuse(`the server at ${url} does not run on an embedded log`);
    const projections = details?.projections;
    if (!projections) throw refuse(`the server at ${url} runs no projector`);
    process.stderr.write(`asked the running server at ${url} (process ${lock.ownerPid} holds DATA_DIR)\n`);
    if (projections.status !== 'up' || !projections.checkpoints) {
        process.stdout.write(`log head: ${log.head}\nprojections: ${projections.message ?? projections.status}\n`);
        return;
    }
    writeStatus(Number(log.head), new Map(Object.entries(projections.checkpoints).map(([name, position])=>[
            name,
            Number(position)
        ])));
};
projections.command('status').description('each projection\'s checkpoint and its lag behind the log head (from the running server when it holds the embedded log)').option('--url <url>', 'the running server to ask (default: http://127.0.0.1:$PORT)').action(async (options)=>{
    try {
        await withStores(false, async ({ events, reads })=>{
            const head = await events.headPosition();
            const checkpoints = new Map();
            for (const projection of _readmodels.PROJECTIONS)checkpoints.set((0, _projectionengine.checkpointName)(projection), await reads.getCheckpoint((0, _projectionengine.checkpointName)(projection)));
            writeStatus(head, checkpoints);
        });
    } catch (error) {
        if (!(error instanceof LogInUse)) throw error;
        await statusFromServer(error, serverUrl(error.config, options.url));
    }
});
program.command('streams').description('streams of the log').command('export').argument('<stream>', 'a stream name such as booking-…').option('-o, --out <file>', 'write to a file instead of stdout').description('write every event of a stream as NDJSON (one JSON event per line, with metadata)').action(async (stream, options)=>{
    await withStores(false, async ({ events })=>{
        const recorded = await events.readStream(stream);
        if (recorded.length === 0) throw new CliError(`stream ${stream} does not exist`);
        const out = options.out ? (0, _nodefs.createWriteStream)(options.out) : process.stdout;
        for (const event of recorded){
            if (!out.write(`${JSON.stringify(event)}\n`)) await (0, _nodeevents.once)(out, 'drain');
        }
        if (options.out) {
            out.end();
            await (0, _nodeevents.once)(out, 'finish');
            process.stderr.write(`${recorded.length} events of ${stream} written to ${options.out}\n`);
        }
    });
});
(0, _logcommands.registerLogCommands)(program);
program.parseAsync(process.argv).catch((error)=>{
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : (0, _startupfailure.describeStartupFailure)(error)?.exitCode ?? 1;
});

//# sourceMappingURL=main.js.map