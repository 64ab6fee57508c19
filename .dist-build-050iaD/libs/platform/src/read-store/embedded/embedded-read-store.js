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
    get CHECKPOINTS_COLLECTION () {
        return CHECKPOINTS_COLLECTION;
    },
    get EmbeddedReadStore () {
        return EmbeddedReadStore;
    }
});
const _nodepath = require("node:path");
const _readstoreport = require("../read-store.port");
const _embeddedcollection = require("./embedded-collection");
const _snapshotfile = require("./snapshot-file");
const _stringtable = require("./string-table");
const CHECKPOINTS_COLLECTION = 'checkpoints';
const SNAPSHOT_FILE = 'read-store.snapshot';
let EmbeddedReadStore = class EmbeddedReadStore extends _readstoreport.ReadStore {
    constructor(options = {}){
        super(), this.options = options, this.collections = new Map(), /** Equal strings of the documents kept, shared across collections (see StringTable). */ this.strings = new _stringtable.StringTable(), /** Collections that exist as MongoDB counts existence: written to or indexed at least once. */ this.materialised = new Set(), this.saving = Promise.resolve(), this.closed = false;
    }
    /** Restores the snapshot when there is one; see `loadSnapshot`. */ async open() {
        return this.options.snapshotDir ? this.loadSnapshot() : {
            status: 'missing'
        };
    }
    collection(name) {
        this.assertOpen();
        return this.collectionFor(name);
    }
    async listCollections() {
        return [
            ...this.materialised
        ].sort();
    }
    async dropCollection(name) {
        // The wrapper stays: handles already given out keep addressing the (now empty) name.
        this.collections.get(name)?.clear();
        this.materialised.delete(name);
    }
    async renameCollection(from, to) {
        const source = this.collections.get(from);
        if (!source || !this.materialised.has(from)) throw new Error(`cannot rename ${from}: no such collection`);
        if (from === to) return;
        // Documents and indexes move as they are; the old `to` content is dropped.
        this.collectionFor(to).takeOver(source);
        this.materialised.delete(from);
        this.materialised.add(to);
    }
    async getCheckpoint(projection) {
        const checkpoint = await this.checkpoints().findOne({
            _id: projection
        });
        return checkpoint ? checkpoint.position : null;
    }
    async saveCheckpoint(projection, position) {
        await this.checkpoints().replaceOne({
            _id: projection
        }, {
            _id: projection,
            position
        }, {
            upsert: true
        });
    }
    async deleteCheckpoint(projection) {
        await this.checkpoints().deleteOne({
            _id: projection
        });
    }
    async ping() {
        this.assertOpen();
    }
    async close() {
        this.closed = true;
    }
    // ---- snapshots ---------------------------------------------------------------------------
    /**
   * Writes the snapshot without stalling the event loop: documents are encoded a slice at a time
   * while the projector keeps applying events. The file is still a sound place to resume from:
   * the checkpoints are encoded first, so every document in the file is at least as new as the
   * checkpoint it will resume from, and a document newer than its checkpoint skips the events it
   * already holds on replay (each document carries its position; applying an event twice
   * changes nothing). Saves are queued, so two never write the file at once.
   */ saveSnapshot() {
        const save = this.saving.then(()=>this.writeSnapshot());
        this.saving = save.catch(()=>undefined);
        return save;
    }
    async writeSnapshot() {
        const path = this.snapshotPath();
        const names = [
            ...this.materialised
        ].sort((a, b)=>a === CHECKPOINTS_COLLECTION ? -1 : b === CHECKPOINTS_COLLECTION ? 1 : a.localeCompare(b));
        const collections = names.map((name)=>{
            const collection = this.collectionFor(name);
            // The checkpoints as they are now, before any document is encoded.
            const documents = name === CHECKPOINTS_COLLECTION ? [
                ...collection.storedDocuments()
            ] : collection.storedDocuments();
            return {
                name,
                indexes: collection.indexDefinitions(),
                documents
            };
        });
        const { bytes, documents } = await (0, _snapshotfile.writeSnapshotFile)(path, collections);
        return {
            path,
            bytes,
            documents
        };
    }
    /**
   * Replaces the whole content with the snapshot, read a line at a time. A missing or damaged
   * snapshot leaves the store empty (never half-restored) and reports why.
   */ async loadSnapshot() {
        const entries = await (0, _snapshotfile.openSnapshotFile)(this.snapshotPath());
        this.clearAll();
        if (entries === null) return {
            status: 'missing'
        };
        try {
            let collections = 0;
            let documents = 0;
            let current;
            for await (const entry of entries){
                if (entry.kind === 'collection') {
                    current = this.collectionFor(entry.name);
                    for (const index of entry.indexes)await current.createIndex(index.keys, {
                        unique: index.unique,
                        name: index.name
                    });
                    this.materialised.add(entry.name);
                    collections += 1;
                } else {
                    // The reader parsed the document for the store alone: kept as it is, not copied.
                    current.restore(entry.document);
                    documents += 1;
                }
            }
            return {
                status: 'loaded',
                collections,
                documents
            };
        } catch (error) {
            this.clearAll();
            const reason = error instanceof _snapshotfile.CorruptSnapshotError ? error.message : `read-store snapshot is unusable: ${String(error)}`;
            return {
                status: 'corrupt',
                reason
            };
        }
    }
    // ---- internals ---------------------------------------------------------------------------
    checkpoints() {
        return this.collection(CHECKPOINTS_COLLECTION);
    }
    collectionFor(name) {
        let collection = this.collections.get(name);
        if (!collection) {
            collection = new _embeddedcollection.EmbeddedCollection(name, ()=>this.materialised.add(name), this.strings);
            this.collections.set(name, collection);
        }
        return collection;
    }
    clearAll() {
        for (const collection of this.collections.values())collection.clear();
        this.materialised.clear();
    }
    snapshotPath() {
        if (!this.options.snapshotDir) throw new Error('EmbeddedReadStore has no snapshotDir');
        return (0, _nodepath.join)(this.options.snapshotDir, SNAPSHOT_FILE);
    }
    assertOpen() {
        if (this.closed) throw new Error('EmbeddedReadStore is closed');
    }
};

//# sourceMappingURL=embedded-read-store.js.map