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
    get deterministicEventId () {
        return deterministicEventId;
    },
    get loadStream () {
        return loadStream;
    },
    get metadataFor () {
        return metadataFor;
    },
    get retryOnConflict () {
        return retryOnConflict;
    },
    get toAppend () {
        return toAppend;
    }
});
const _nodecrypto = require("node:crypto");
const _promises = require("node:timers/promises");
const _contracts = require("../../../contracts/src");
const _eventstoreport = require("../event-store/event-store.port");
const loadStream = async (store, stream, evolve, initialState, /** Applied to every event read, before `evolve` (handle-command.ts: the upcast seam). */ upcast)=>{
    const read = await store.readStream(stream);
    const events = upcast ? read.map(upcast) : read;
    const state = events.reduce((s, e)=>evolve(s, {
            type: e.type,
            data: e.data
        }), initialState);
    return {
        state,
        revision: events.length ? events[events.length - 1].revision : 'no_stream',
        events
    };
};
const deterministicEventId = (causationId, stream, index)=>{
    const hash = (0, _nodecrypto.createHash)('sha1').update(`${causationId}\u0000${stream}\u0000${index}`).digest();
    hash[6] = hash[6] & 0x0f | 0x50;
    hash[8] = hash[8] & 0x3f | 0x80;
    const hex = hash.subarray(0, 16).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};
const metadataFor = (context, type)=>({
        actorId: context.actorId,
        correlationId: context.correlationId,
        causationId: context.causationId,
        occurredAt: context.now.toISOString(),
        schemaVersion: (0, _contracts.schemaVersionOf)(type)
    });
const toAppend = (stream, events, context)=>events.map((event, index)=>({
            id: deterministicEventId(context.causationId, stream, index),
            type: event.type,
            data: event.data,
            metadata: metadataFor(context, event.type)
        }));
const retryOnConflict = async (attempt, attempts = 3)=>{
    for(let i = 1;; i++){
        try {
            return await attempt();
        } catch (error) {
            if (!(error instanceof _eventstoreport.WrongExpectedRevisionError) || i >= attempts) throw error;
            await (0, _promises.setTimeout)(Math.floor(Math.random() * 10 * i) + 1);
        }
    }
};

//# sourceMappingURL=event-sourcing.js.map