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
    get StreamReads () {
        return StreamReads;
    },
    get handleCommand () {
        return handleCommand;
    }
});
const _eventsourcing = require("./event-sourcing");
let StreamReads = class StreamReads {
    constructor(store){
        this.store = store;
        this.revisions = new Map();
    }
    async read(stream, model, cache) {
        const loaded = cache ? await cache.load(this.store, stream, model.evolve, model.initialState, model.upcast) : await (0, _eventsourcing.loadStream)(this.store, stream, model.evolve, model.initialState, model.upcast);
        this.revisions.set(stream, loaded.revision);
        return loaded;
    }
    /** A stream the caller read before the command: its append expects the revision it was read at. */ readBefore(stream, revision) {
        this.revisions.set(stream, revision);
    }
    /** The revision an append to `stream` expects: the one it was read at, or no stream at all. */ revisionOf(stream) {
        return this.revisions.get(stream) ?? 'no_stream';
    }
};
const isAppend = (decision)=>'append' in decision;
const handleCommand = (store, handling)=>(0, _eventsourcing.retryOnConflict)(async ()=>{
        const streams = new StreamReads(store);
        const read = await handling.read(streams);
        const decision = handling.decide(read);
        if (!isAppend(decision)) return decision.answer;
        const context = decision.context ?? handling.context;
        const appends = Object.entries(decision.append).filter(([, events])=>events.length > 0).map(([stream, events])=>{
            const expectedRevision = streams.revisionOf(stream);
            return {
                stream,
                expectedRevision,
                events: eventsToAppend(stream, events, context, expectedRevision, handling.eventIds)
            };
        });
        if (appends.length === 0) throw new Error('a decision to append named no events: answer with { answer } instead');
        await decision.before?.();
        return decision.answer(await appendAll(store, appends));
    }, handling.attempts);
const eventsToAppend = (stream, events, context, expectedRevision, ids = 'by-index')=>{
    const appended = (0, _eventsourcing.toAppend)(stream, events, context);
    if (ids === 'by-index') return appended;
    const first = expectedRevision === 'no_stream' ? 0 : expectedRevision + 1;
    return appended.map((event, i)=>({
            ...event,
            id: (0, _eventsourcing.deterministicEventId)(context.causationId, stream, first + i)
        }));
};
/** One stream: a plain append; several: one atomic multi-stream append. */ const appendAll = async (store, appends)=>{
    if (appends.length > 1) return store.appendMulti(appends);
    const [{ stream, expectedRevision, events }] = appends;
    const result = await store.append(stream, events, {
        expectedRevision
    });
    return {
        position: result.position,
        streams: [
            result
        ]
    };
};

//# sourceMappingURL=handle-command.js.map