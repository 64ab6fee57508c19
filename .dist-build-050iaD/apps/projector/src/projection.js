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
    get DocumentBatch () {
        return DocumentBatch;
    },
    get collectionName () {
        return _readmodels.collectionName;
    }
});
const _readmodels = require("../../../libs/read-models/src");
let DocumentBatch = class DocumentBatch {
    constructor(store, /** Logical → physical collection name. */ physical, /**
     * Positions of patched documents as this writer last wrote them, kept across batches by the
     * engine so that a patched document is not read back every batch. Only a lower bound is
     * needed: a stale entry re-applies a patch, which sets the same values again.
     */ patchedPositions = new Map()){
        this.store = store;
        this.physical = physical;
        this.patchedPositions = patchedPositions;
        /** Per logical collection: `_id` → the batch's version (null: known not to exist). */ this.cache = new Map();
        this.collections = new Map();
        this.dirty = new Map();
        /** Field-level changes to documents too large to load and rewrite per batch (per-user lists). */ this.patches = new Map();
    }
    get(collection, id) {
        const docs = this.cachedIn(collection);
        const cached = docs.get(id);
        if (cached !== undefined) return cached;
        return this.load(collection, docs, id);
    }
    put(collection, doc) {
        this.cachedIn(collection).set(doc._id, doc);
        let ids = this.dirty.get(collection);
        if (!ids) this.dirty.set(collection, ids = new Set());
        ids.add(doc._id);
    }
    /**
   * The `_position` guard every read model shares: a document that has already seen this event
   * is returned as it is; otherwise `evolve` makes the next one, stamped with the position.
   * `evolve` must not change the document it is given, nor anything inside it: it may be the
   * read store's own (read read-only, and frozen by the embedded store), and what it returns is
   * handed over to the store at the end of the batch.
   */ evolve(collection, id, event, evolve) {
        const docs = this.cachedIn(collection);
        const cached = docs.get(id);
        if (cached !== undefined) return this.evolveLoaded(collection, cached, event, evolve);
        return this.load(collection, docs, id).then((doc)=>this.evolveLoaded(collection, doc, event, evolve));
    }
    evolveLoaded(collection, doc, event, evolve) {
        if (doc && doc._position >= event.position) return doc;
        const next = evolve(doc);
        if (!next) return doc;
        const stamped = {
            ...next,
            _position: event.position
        };
        this.put(collection, stamped);
        return stamped;
    }
    /**
   * The same `_position` guard for a document changed field by field (`$set`/`$unset` of paths
   * such as `bookings.<id>`), never loaded whole: a user with thousands of bookings costs one
   * small update per batch, not a copy of the list. `undefined` values unset their path. The
   * changes are pairs, not an object: an object keyed by a new id gets a hidden class of its own.
   */ patch(collection, id, event, fields) {
        let docs = this.patches.get(collection);
        if (!docs) this.patches.set(collection, docs = new Map());
        const pending = docs.get(id);
        if (pending) return this.patchPending(pending, event, fields);
        const known = this.patchedPositions.get(`${collection}\u0000${id}`);
        if (known !== undefined) return this.patchPending(this.startPatch(docs, id, known), event, fields);
        return this.collection(collection).findOne({
            _id: id
        }, {
            projection: {
                _position: 1
            }
        }).then((stored)=>this.patchPending(this.startPatch(docs, id, typeof stored?._position === 'number' ? stored._position : 0), event, fields));
    }
    startPatch(docs, id, position) {
        const pending = {
            position,
            fields: new Map()
        };
        docs.set(id, pending);
        return pending;
    }
    patchPending(pending, event, fields) {
        if (pending.position >= event.position) return false;
        for (const [path, value] of fields){
            pending.fields.delete(path);
            pending.fields.set(path, value);
        }
        pending.position = event.position;
        return true;
    }
    get size() {
        let n = 0;
        for (const ids of this.dirty.values())n += ids.size;
        return n;
    }
    /**
   * Writes every changed document, one ordered bulkWrite per collection. The documents are
   * handed over: nothing changes them after this (the batch is done with them).
   */ async write() {
        let written = 0;
        for (const [collection, ids] of this.dirty){
            const docs = this.cache.get(collection);
            const operations = [
                ...ids
            ].map((id)=>({
                    replaceOne: {
                        filter: {
                            _id: id
                        },
                        replacement: docs.get(id),
                        upsert: true
                    }
                }));
            await this.collection(collection).bulkWrite(operations, {
                handOver: true
            });
            written += operations.length;
        }
        this.dirty.clear();
        for (const [collection, docs] of this.patches){
            const operations = [
                ...docs
            ].flatMap(([id, { position, fields }])=>{
                if (fields.size === 0) return [];
                this.patchedPositions.set(`${collection}\u0000${id}`, position);
                // Dictionaries from the start: keys such as `bookings.<id>` are each new, and adding them to
                // an ordinary object makes a new hidden class per key.
                const $set = Object.create(null);
                const $unset = Object.create(null);
                $set._position = position;
                let unsets = 0;
                for (const [path, value] of fields){
                    if (value !== undefined) $set[path] = value;
                    else {
                        $unset[path] = '';
                        unsets += 1;
                    }
                }
                const update = unsets > 0 ? {
                    $set,
                    $unset
                } : {
                    $set
                };
                return [
                    {
                        updateOne: {
                            filter: {
                                _id: id
                            },
                            update,
                            upsert: true
                        }
                    }
                ];
            });
            if (operations.length > 0) await this.collection(collection).bulkWrite(operations);
            written += operations.length;
        }
        this.patches.clear();
        return written;
    }
    collection(logical) {
        let collection = this.collections.get(logical);
        if (!collection) this.collections.set(logical, collection = this.store.collection(this.physical(logical)));
        return collection;
    }
    cachedIn(collection) {
        let docs = this.cache.get(collection);
        if (!docs) this.cache.set(collection, docs = new Map());
        return docs;
    }
    async load(collection, docs, id) {
        // Read-only: evolve functions never change what they are given, so the store need not copy.
        const loaded = await this.collection(collection).findOne({
            _id: id
        }, {
            readOnly: true
        }) ?? null;
        // Events of a batch are applied one after another, so nothing else can have cached it meanwhile.
        docs.set(id, loaded);
        return loaded;
    }
};

//# sourceMappingURL=projection.js.map