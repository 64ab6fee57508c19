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
    get ProjectionEngine () {
        return ProjectionEngine;
    },
    get checkpointName () {
        return _readmodels.checkpointName;
    },
    get filterOf () {
        return _readmodels.filterOf;
    }
});
const _readmodels = require("../../../libs/read-models/src");
const _projection = require("./projection");
let ProjectionEngine = class ProjectionEngine {
    constructor(store, projections, suffix = ''){
        this.store = store;
        this.projections = projections;
        this.suffix = suffix;
        this.checkpoints = new Map();
        this.types = new Map();
        this.patchedPositions = new Map();
        for (const projection of projections)this.types.set(projection.name, new Set(projection.eventTypes));
    }
    /** Loads the checkpoints; returns the lowest (where a shared subscription must start). */ async load() {
        for (const projection of this.projections){
            this.checkpoints.set(projection.name, await this.store.getCheckpoint((0, _readmodels.checkpointName)(projection, this.suffix)) ?? 0);
            await this.ensureIndexes(projection);
        }
        return this.lowestCheckpoint();
    }
    /** Creates the indexes the projection's readers need (idempotent: an existing index is kept). */ async ensureIndexes(projection) {
        for (const [logical, indexes] of Object.entries(projection.indexes ?? {})){
            for (const keys of indexes)await this.store.collection(this.physicalName(projection, logical)).createIndex(keys);
        }
    }
    lowestCheckpoint() {
        return Math.min(...this.projections.map((projection)=>this.checkpoints.get(projection.name) ?? 0));
    }
    checkpointOf(projection) {
        return this.checkpoints.get(projection.name) ?? 0;
    }
    physicalName(projection, logical) {
        return (0, _readmodels.collectionName)(projection, logical, this.suffix);
    }
    /**
   * Applies `events` (in position order) and moves every projection's checkpoint to `upTo`
   * (default: the last event), which may be past the last event when the caller knows the log
   * had nothing else of interest up to there.
   */ async apply(events, upTo = events.at(-1)?.position ?? 0) {
        let documents = 0;
        for (const projection of this.projections){
            const from = this.checkpointOf(projection);
            if (upTo <= from) continue;
            const types = this.types.get(projection.name);
            let positions = this.patchedPositions.get(projection.name);
            if (!positions) this.patchedPositions.set(projection.name, positions = new Map());
            const batch = new _projection.DocumentBatch(this.store, (logical)=>this.physicalName(projection, logical), positions);
            for (const event of events){
                if (event.position > from && types.has(event.type)) await projection.apply(event, batch);
            }
            documents += await batch.write();
            await this.store.saveCheckpoint((0, _readmodels.checkpointName)(projection, this.suffix), upTo);
            this.checkpoints.set(projection.name, upTo);
        }
        return {
            events: events.length,
            documents
        };
    }
    /**
   * Drops what earlier versions of these projections left in the store: their collections
   * (live, or a rebuild's: `bookings_v1`, `bookings_v1__rebuild`) and their checkpoints. A version
   * bump rebuilds the projection from the log under its new names (its checkpoint starts at 0);
   * the old documents would otherwise stay in the store, and in memory with the embedded one, for
   * good. Returns the collections dropped.
   */ async dropEarlierVersions() {
        const existing = await this.store.listCollections();
        const dropped = [];
        for (const projection of this.projections){
            for(let version = 1; version < projection.version; version++){
                const earlier = {
                    ...projection,
                    version
                };
                for (const logical of projection.collections){
                    const name = (0, _readmodels.collectionName)(earlier, logical);
                    for (const candidate of existing){
                        if (candidate !== name && !candidate.startsWith(`${name}__`)) continue;
                        await this.store.dropCollection(candidate);
                        dropped.push(candidate);
                    }
                }
                for (const suffix of [
                    '',
                    '__rebuild',
                    '__verify'
                ])await this.store.deleteCheckpoint((0, _readmodels.checkpointName)(earlier, suffix));
            }
        }
        return dropped;
    }
    /** Forgets a projection's documents and checkpoint: the next events rebuild it from zero. */ async reset(projection) {
        for (const logical of projection.collections)await this.store.dropCollection(this.physicalName(projection, logical));
        await this.store.deleteCheckpoint((0, _readmodels.checkpointName)(projection, this.suffix));
        this.checkpoints.set(projection.name, 0);
        this.patchedPositions.delete(projection.name);
        // A rebuild's collections get them too, and keep them when they are renamed over the live ones.
        await this.ensureIndexes(projection);
    }
};

//# sourceMappingURL=projection-engine.js.map