"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "StreamStateCache", {
    enumerable: true,
    get: function() {
        return StreamStateCache;
    }
});
let StreamStateCache = class StreamStateCache {
    constructor(capacity){
        this.capacity = capacity;
        this.states = new Map();
    }
    async load(store, stream, evolve, initialState, /** Applied to every event read, before `evolve` (handle-command.ts: the upcast seam). */ upcast) {
        const cached = this.states.get(stream);
        const read = await store.readStream(stream, cached ? {
            fromRevision: cached.revision + 1
        } : {});
        const events = upcast ? read.map(upcast) : read;
        if (!cached && events.length === 0) return {
            state: initialState,
            revision: 'no_stream',
            events
        };
        const state = events.reduce((s, e)=>evolve(s, {
                type: e.type,
                data: e.data
            }), cached ? cached.state : initialState);
        const revision = events.length ? events[events.length - 1].revision : cached.revision;
        this.states.delete(stream);
        this.states.set(stream, {
            state,
            revision
        });
        if (this.states.size > this.capacity) this.states.delete(this.states.keys().next().value);
        return {
            state,
            revision,
            events
        };
    }
};

//# sourceMappingURL=stream-state-cache.js.map