"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "EmbeddedCollection", {
    enumerable: true,
    get: function() {
        return EmbeddedCollection;
    }
});
const _nodecrypto = require("node:crypto");
const _mingo = require("mingo");
const _readstoreport = require("../read-store.port");
const _documentcopy = require("./document-copy");
const _fieldupdate = require("./field-update");
const _upsertseed = require("./upsert-seed");
/**
 * One in-memory collection. Documents live in a Map keyed by `_id` (insertion order is the
 * natural order), so lookups by `_id` are O(1) however large the collection. Everything handed
 * out is a copy, so a caller mutating a result never changes the store, except where the caller
 * asks for read-only documents or hands its documents over (the projection engine, which would
 * otherwise copy every document twice per batch): those are shared, and frozen. The store
 * changes a frozen document only by replacing it with a changed copy, so what a caller holds
 * never changes under it.
 */ const UPDATE_OPERATORS = new Set([
    '$set',
    '$inc',
    '$push',
    '$pull',
    '$setOnInsert',
    '$unset',
    '$addToSet',
    '$max',
    '$min',
    '$mul',
    '$pullAll',
    '$pop',
    '$rename'
]);
const copy = _documentcopy.copyValue;
const indexKey = (document, paths)=>JSON.stringify((0, _upsertseed.valuesAt)(document, paths));
let EmbeddedCollection = class EmbeddedCollection {
    constructor(name, /** Called on the first write so the store lists this collection from then on, like MongoDB. */ materialise = ()=>undefined, /** Shared by the store's collections: the strings of every document kept are passed through it. */ strings){
        this.name = name;
        this.materialise = materialise;
        this.strings = strings;
        this.documents = new Map();
        this.indexes = new Map();
        /** The unique ones among `indexes`, kept apart: every write consults them. */ this.uniques = [];
    }
    // ---- reads -------------------------------------------------------------------------------
    async find(filter = {}, options = {}) {
        return this.findSync(filter, options);
    }
    async findOne(filter, options = {}) {
        const id = idOnly(filter);
        if (id !== undefined && !options.projection) {
            const hit = this.documents.get(id);
            if (!hit) return null;
            return options.readOnly ? (0, _documentcopy.freezeDocument)(hit) : copy(hit);
        }
        return this.findSync(filter, {
            ...options,
            limit: 1
        })[0] ?? null;
    }
    async countDocuments(filter = {}) {
        if (Object.keys(filter).length === 0) return this.documents.size;
        return this.matching(filter).length;
    }
    async aggregate(pipeline) {
        // On copies: mingo's $set and $addFields stages change the nested objects of their input,
        // and other stages pass input documents through ($match, $sort).
        return new _mingo.Aggregator(pipeline).run(copy([
            ...this.documents.values()
        ]));
    }
    // ---- writes ------------------------------------------------------------------------------
    async insertOne(document) {
        this.insertSync(document);
    }
    async insertMany(documents) {
        // Ordered like MongoDB's default: documents before the failing one stay inserted.
        for (const document of documents)this.insertSync(document);
    }
    async updateOne(filter, update, options = {}) {
        return this.updateSync(filter, update, options.upsert ?? false, false);
    }
    async updateMany(filter, update, options = {}) {
        return this.updateSync(filter, update, options.upsert ?? false, true);
    }
    async replaceOne(filter, replacement, options = {}) {
        return this.replaceSync(filter, replacement, options.upsert ?? false);
    }
    async deleteOne(filter) {
        const [target] = this.matching(filter, 1);
        if (!target) return 0;
        this.remove(target);
        return 1;
    }
    async deleteMany(filter) {
        const targets = this.matching(filter);
        for (const target of targets)this.remove(target);
        return targets.length;
    }
    async bulkWrite(operations, options = {}) {
        const handOver = options.handOver ?? false;
        for (const operation of operations){
            if ('insertOne' in operation) this.insertSync(operation.insertOne.document, handOver);
            else if ('updateOne' in operation) {
                const { filter, update, upsert } = operation.updateOne;
                this.updateSync(filter, update, upsert ?? false, false);
            } else if ('updateMany' in operation) {
                const { filter, update, upsert } = operation.updateMany;
                this.updateSync(filter, update, upsert ?? false, true);
            } else if ('replaceOne' in operation) {
                const { filter, replacement, upsert } = operation.replaceOne;
                this.replaceSync(filter, replacement, upsert ?? false, handOver);
            } else if ('deleteOne' in operation) await this.deleteOne(operation.deleteOne.filter);
            else if ('deleteMany' in operation) await this.deleteMany(operation.deleteMany.filter);
            else throw new Error(`unknown bulk operation ${JSON.stringify(Object.keys(operation))}`);
        }
    }
    async createIndex(keys, options = {}) {
        this.materialise();
        const name = options.name ?? Object.entries(keys).map(([path, dir])=>`${path}_${dir}`).join('_');
        if (this.indexes.has(name)) return;
        const definition = {
            name,
            keys,
            unique: options.unique ?? false
        };
        if (!definition.unique) {
            // A non-unique index changes no result; scans stay fast enough for in-memory read models.
            this.indexes.set(name, definition);
            return;
        }
        const index = {
            definition,
            paths: Object.keys(keys),
            owners: new Map()
        };
        for (const document of this.documents.values()){
            const key = indexKey(document, index.paths);
            if (index.owners.has(key)) throw new _readstoreport.DuplicateKeyError(this.name, (0, _upsertseed.valuesAt)(document, index.paths));
            index.owners.set(key, document._id);
        }
        this.indexes.set(name, index);
        this.uniques.push(index);
    }
    // ---- for the store and snapshots ---------------------------------------------------------
    get size() {
        return this.documents.size;
    }
    /** Empties the collection and drops its indexes (dropCollection). */ clear() {
        this.documents = new Map();
        this.indexes.clear();
        this.uniques = [];
    }
    /** Moves `source`'s documents and indexes here, replacing what was here (renameCollection). */ takeOver(source) {
        this.documents = source.documents;
        this.indexes.clear();
        for (const [name, index] of source.indexes)this.indexes.set(name, index);
        this.uniques = source.uniques;
        source.documents = new Map();
        source.indexes.clear();
        source.uniques = [];
    }
    indexDefinitions() {
        return [
            ...this.indexes.values()
        ].map((index)=>'definition' in index ? index.definition : index);
    }
    /**
   * Keeps a document read back from a snapshot as it is, without copying it: nobody else holds
   * it (the snapshot reader parsed it for this). Like insertOne otherwise.
   */ restore(document) {
        if (typeof document._id !== 'string') throw new Error(`${this.name}: documents need a string _id`);
        if (this.documents.has(document._id)) throw new _readstoreport.DuplicateKeyError(this.name, {
            _id: document._id
        });
        this.store(this.own(document), null);
    }
    /** Stored documents without copying: only for snapshot writing, which serialises them. */ storedDocuments() {
        return this.documents.values();
    }
    // ---- internals ---------------------------------------------------------------------------
    findSync(filter, options) {
        let found = this.matching(filter, options.sort || options.skip ? undefined : options.limit);
        if (options.sort || options.skip || options.projection) {
            let cursor = (0, _mingo.find)(found, {}, options.projection);
            if (options.sort) cursor = cursor.sort(options.sort);
            if (options.skip) cursor = cursor.skip(options.skip);
            if (options.limit) cursor = cursor.limit(options.limit);
            found = cursor.all();
        }
        // A projection's output shares nested objects with stored documents: always a copy.
        if (options.readOnly && !options.projection) return found.map(_documentcopy.freezeDocument);
        return copy(found);
    }
    /** Stored documents matching the filter, in natural order; uses the `_id` map where it can. */ matching(filter, limit) {
        const id = idOnly(filter);
        if (id !== undefined) {
            const hit = this.documents.get(id);
            return hit ? [
                hit
            ] : [];
        }
        const idCondition = filter._id;
        let candidates;
        if (typeof idCondition === 'string') {
            const hit = this.documents.get(idCondition);
            candidates = hit ? [
                hit
            ] : [];
        } else if (isInList(idCondition)) {
            candidates = idCondition.$in.flatMap((id)=>{
                const hit = typeof id === 'string' ? this.documents.get(id) : undefined;
                return hit ? [
                    hit
                ] : [];
            });
        } else {
            candidates = this.documents.values();
        }
        const keys = Object.keys(filter);
        const onlyId = keys.length === 1 && keys[0] === '_id' && (typeof idCondition === 'string' || isInList(idCondition));
        const query = keys.length === 0 || onlyId ? null : new _mingo.Query(filter);
        const result = [];
        for (const document of candidates){
            if (query && !query.test(document)) continue;
            result.push(document);
            if (limit !== undefined && limit > 0 && result.length >= limit) break;
        }
        return result;
    }
    insertSync(document, handOver = false) {
        if (typeof document._id !== 'string') throw new Error(`${this.name}: documents need a string _id`);
        if (this.documents.has(document._id)) throw new _readstoreport.DuplicateKeyError(this.name, {
            _id: document._id
        });
        this.store(handOver ? (0, _documentcopy.freezeDocument)(this.own(document)) : this.own(copy(document)), null);
    }
    /** A document the collection now owns (its copy, or one handed over), with its strings shared through the table. */ own(document) {
        this.strings?.internAll(document);
        return document;
    }
    /** Keeps `next` (the collection's own copy), in place of `previous` if any. */ store(next, previous) {
        if (typeof next._id !== 'string') throw new Error(`${this.name}: documents need a string _id`);
        if (this.uniques.length > 0) this.claimUniqueKeys(next, previous);
        this.documents.set(next._id, next);
        this.materialise();
    }
    updateSync(filter, update, upsert, many) {
        const { onInsert, modifier } = splitUpdate(update);
        const targets = this.matching(filter, many ? undefined : 1);
        if (targets.length === 0) {
            if (!upsert) return {
                matchedCount: 0,
                modifiedCount: 0,
                upsertedId: null
            };
            const seeded = (0, _upsertseed.seedFromFilter)(filter);
            if (seeded._id === undefined) seeded._id = (0, _nodecrypto.randomUUID)();
            if (onInsert) modify(seeded, {
                $set: onInsert
            });
            if (modifier) modify(seeded, modifier);
            this.insertSync(seeded);
            return {
                matchedCount: 0,
                modifiedCount: 0,
                upsertedId: seeded._id
            };
        }
        let modifiedCount = 0;
        for (const target of targets){
            if (modifier && this.applyUpdate(target, modifier)) modifiedCount += 1;
        }
        return {
            matchedCount: targets.length,
            modifiedCount,
            upsertedId: null
        };
    }
    /** Updates one stored document; returns whether anything changed. */ applyUpdate(target, modifier) {
        if (this.uniques.length === 0 && !Object.isFrozen(target)) {
            // In place, without copying: a user's list of thousands of bookings must not be cloned
            // per patch. Only a document nobody else holds (not frozen) is changed in place.
            return modify(target, modifier);
        }
        const next = copy(target);
        const changed = modify(next, modifier);
        if (!changed) return false;
        this.store(this.own(next), target);
        return true;
    }
    replaceSync(filter, replacement, upsert, handOver = false) {
        for(const key in replacement){
            if (key.startsWith('$')) throw new Error('replaceOne takes a document, not update operators');
        }
        const id = idOnly(filter);
        const target = id !== undefined ? this.documents.get(id) : this.matching(filter, 1)[0];
        if (!target) {
            if (!upsert) return {
                matchedCount: 0,
                modifiedCount: 0,
                upsertedId: null
            };
            // An upsert by `_id` has just found no document with it: no need to look again.
            const taken = (candidate)=>candidate !== id && this.documents.has(candidate);
            if (handOver && typeof replacement._id === 'string') {
                if (taken(replacement._id)) throw new _readstoreport.DuplicateKeyError(this.name, {
                    _id: replacement._id
                });
                this.store((0, _documentcopy.freezeDocument)(this.own(replacement)), null);
                return {
                    matchedCount: 0,
                    modifiedCount: 0,
                    upsertedId: replacement._id
                };
            }
            const document = copy(replacement);
            document._id ??= (0, _upsertseed.seedFromFilter)(filter)._id ?? (0, _nodecrypto.randomUUID)();
            if (taken(document._id)) throw new _readstoreport.DuplicateKeyError(this.name, {
                _id: document._id
            });
            this.store(this.own(document), null);
            return {
                matchedCount: 0,
                modifiedCount: 0,
                upsertedId: document._id
            };
        }
        if (replacement._id !== undefined && replacement._id !== target._id) {
            throw new Error(`${this.name}: the _id of a document cannot change (${target._id})`);
        }
        let next;
        if (handOver && replacement._id === target._id) next = (0, _documentcopy.freezeDocument)(this.own(replacement));
        else {
            next = copy(replacement);
            next._id = target._id;
            this.own(next);
        }
        this.store(next, target);
        return {
            matchedCount: 1,
            modifiedCount: 1,
            upsertedId: null
        };
    }
    remove(target) {
        this.documents.delete(target._id);
        for (const index of this.uniques)index.owners.delete(indexKey(target, index.paths));
    }
    /**
   * Checks every unique index for `next` (replacing `previous`, if any) and, only when all pass,
   * moves the index entries: a violation leaves the collection unchanged.
   */ claimUniqueKeys(next, previous) {
        const uniques = this.uniques;
        const keys = uniques.map((index)=>indexKey(next, index.paths));
        uniques.forEach((index, i)=>{
            const owner = index.owners.get(keys[i]);
            if (owner !== undefined && owner !== next._id) {
                throw new _readstoreport.DuplicateKeyError(this.name, Object.fromEntries(index.paths.map((p, j)=>[
                        p,
                        (0, _upsertseed.valuesAt)(next, index.paths)[j]
                    ])));
            }
        });
        uniques.forEach((index, i)=>{
            if (previous) index.owners.delete(indexKey(previous, index.paths));
            index.owners.set(keys[i], next._id);
        });
    }
};
/** Applies update operators to `document` in place; returns whether it changed. */ const modify = (document, modifier)=>{
    const plan = (0, _fieldupdate.planFieldUpdate)(modifier);
    if (plan && (0, _fieldupdate.canApplyFieldUpdate)(document, plan)) return (0, _fieldupdate.applyFieldUpdate)(document, plan);
    return (0, _mingo.update)(document, modifier).length > 0;
};
/** The `_id` of a filter that is exactly `{ _id: '<string>' }`, the engine's every lookup. */ const idOnly = (filter)=>{
    const id = filter._id;
    if (typeof id !== 'string') return undefined;
    for(const key in filter)if (key !== '_id') return undefined;
    return id;
};
const isInList = (condition)=>typeof condition === 'object' && condition !== null && Object.keys(condition).length === 1 && Array.isArray(condition.$in);
/** Separates `$setOnInsert` (applied only when an upsert inserts) from the other operators. */ const splitUpdate = (update)=>{
    const keys = Object.keys(update);
    if (keys.length === 0) throw new Error('an update needs at least one operator');
    for (const key of keys){
        if (!UPDATE_OPERATORS.has(key)) throw new Error(`unsupported update operator ${key} (updates need operators such as $set)`);
    }
    for (const [operator, fields] of Object.entries(update)){
        if (operator !== '$setOnInsert' && fields && typeof fields === 'object' && Object.keys(fields).some((f)=>f === '_id')) {
            throw new Error(`${operator} cannot change _id`);
        }
    }
    const { $setOnInsert, ...rest } = update;
    return {
        onInsert: $setOnInsert ?? null,
        modifier: Object.keys(rest).length > 0 ? rest : null
    };
};

//# sourceMappingURL=embedded-collection.js.map