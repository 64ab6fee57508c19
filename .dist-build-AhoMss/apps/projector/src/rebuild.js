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
    get REBUILD_SUFFIX () {
        return REBUILD_SUFFIX;
    },
    get VERIFY_SUFFIX () {
        return VERIFY_SUFFIX;
    },
    get buildFromLog () {
        return buildFromLog;
    },
    get hashProjection () {
        return hashProjection;
    },
    get rebuildProjection () {
        return rebuildProjection;
    },
    get stableJson () {
        return stableJson;
    },
    get verifyProjection () {
        return verifyProjection;
    }
});
const _nodecrypto = require("node:crypto");
const _projectionengine = require("./projection-engine");
const REBUILD_SUFFIX = '__rebuild';
const VERIFY_SUFFIX = '__verify';
/** Large batches: per-user documents are written once per batch, however many events touch them. */ const EVENTS_PER_BATCH = 20_000;
const stableJson = (value)=>{
    if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
    if (value && typeof value === 'object') {
        const entries = Object.entries(value).filter(([, inner])=>inner !== undefined).sort(([a], [b])=>a < b ? -1 : a > b ? 1 : 0);
        return `{${entries.map(([key, inner])=>`${JSON.stringify(key)}:${stableJson(inner)}`).join(',')}}`;
    }
    return JSON.stringify(value);
};
const hashProjection = async (reads, projection, suffix = '')=>{
    const engine = new _projectionengine.ProjectionEngine(reads, [
        projection
    ], suffix);
    const hash = (0, _nodecrypto.createHash)('sha256');
    for (const logical of projection.collections){
        const docs = await reads.collection(engine.physicalName(projection, logical)).find({}, {
            sort: {
                _id: 1
            }
        });
        hash.update(`${logical}\n`);
        for (const doc of docs)hash.update(`${stableJson(doc)}\n`);
    }
    return hash.digest('hex');
};
const buildFromLog = async (events, reads, projection, options)=>{
    const started = performance.now();
    const until = options.until ?? await events.headPosition();
    const engine = new _projectionengine.ProjectionEngine(reads, [
        projection
    ], options.suffix);
    await engine.reset(projection);
    let batch = [];
    let count = 0;
    for await (const event of events.readAll({
        filter: (0, _projectionengine.filterOf)([
            projection
        ])
    })){
        if (event.position > until) break;
        batch.push(event);
        if (batch.length >= EVENTS_PER_BATCH) {
            await engine.apply(batch);
            count += batch.length;
            options.onProgress?.(event.position, until);
            batch = [];
        }
    }
    await engine.apply(batch, until);
    count += batch.length;
    options.onProgress?.(until, until);
    return {
        projection: projection.name,
        events: count,
        position: until,
        ms: performance.now() - started
    };
};
const rebuildProjection = async (events, reads, projection, onProgress)=>{
    const report = await buildFromLog(events, reads, projection, {
        suffix: REBUILD_SUFFIX,
        onProgress
    });
    const livePosition = await reads.getCheckpoint((0, _projectionengine.checkpointName)(projection));
    let comparedWithLive = 'not comparable';
    if (livePosition === report.position) {
        const [live, rebuilt] = await Promise.all([
            hashProjection(reads, projection),
            hashProjection(reads, projection, REBUILD_SUFFIX)
        ]);
        comparedWithLive = live === rebuilt ? 'identical' : 'different';
    }
    // Switch: each rebuilt collection replaces the live one, then the checkpoint follows.
    const rebuilt = new _projectionengine.ProjectionEngine(reads, [
        projection
    ], REBUILD_SUFFIX);
    const live = new _projectionengine.ProjectionEngine(reads, [
        projection
    ]);
    const existing = new Set(await reads.listCollections());
    for (const logical of projection.collections){
        const from = rebuilt.physicalName(projection, logical);
        if (existing.has(from)) await reads.renameCollection(from, live.physicalName(projection, logical));
        else await reads.dropCollection(live.physicalName(projection, logical));
    }
    await reads.saveCheckpoint((0, _projectionengine.checkpointName)(projection), report.position);
    await reads.deleteCheckpoint((0, _projectionengine.checkpointName)(projection, REBUILD_SUFFIX));
    // A projector running meanwhile (distributed mode) may have written past the rebuild into the
    // old collections: catch the switched model up to the head; `_position` absorbs any overlap.
    await live.load();
    let batch = [];
    for await (const event of events.readAll({
        after: report.position,
        filter: (0, _projectionengine.filterOf)([
            projection
        ])
    })){
        batch.push(event);
        if (batch.length >= EVENTS_PER_BATCH) {
            await live.apply(batch);
            batch = [];
        }
    }
    if (batch.length > 0) await live.apply(batch);
    return {
        ...report,
        comparedWithLive,
        livePosition
    };
};
const verifyProjection = async (events, reads, projection)=>{
    const position = await reads.getCheckpoint((0, _projectionengine.checkpointName)(projection)) ?? 0;
    await buildFromLog(events, reads, projection, {
        suffix: VERIFY_SUFFIX,
        until: position
    });
    const [live, rebuilt] = await Promise.all([
        hashProjection(reads, projection),
        hashProjection(reads, projection, VERIFY_SUFFIX)
    ]);
    await new _projectionengine.ProjectionEngine(reads, [
        projection
    ], VERIFY_SUFFIX).reset(projection);
    return {
        projection: projection.name,
        position,
        live,
        rebuilt,
        identical: live === rebuilt
    };
};

//# sourceMappingURL=rebuild.js.map