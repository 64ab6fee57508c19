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
    get MongoReadStore () {
        return MongoReadStore;
    },
    get databaseNameFromUrl () {
        return databaseNameFromUrl;
    }
});
const _mongodb = require("mongodb");
const _readstoreport = require("../read-store.port");
const CHECKPOINTS_COLLECTION = 'checkpoints';
const DUPLICATE_KEY = 11000;
const NAMESPACE_NOT_FOUND = 26;
const databaseNameFromUrl = (url)=>{
    const match = /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]*)/.exec(url);
    const name = match?.[1] ? decodeURIComponent(match[1]) : '';
    return name === '' ? undefined : name;
};
const asFilter = (filter)=>filter;
const translate = (collection, error)=>{
    if (error instanceof _mongodb.MongoServerError && error.code === DUPLICATE_KEY) {
        const writeErrors = error.writeErrors;
        const first = Array.isArray(writeErrors) ? writeErrors[0] : writeErrors;
        const key = error.keyValue ?? first?.err?.keyValue ?? first?.errmsg ?? error.message;
        return new _readstoreport.DuplicateKeyError(collection, key);
    }
    return error;
};
const toUpdateResult = (result)=>({
        matchedCount: result.matchedCount,
        modifiedCount: result.modifiedCount,
        upsertedId: result.upsertedId === null || result.upsertedId === undefined ? null : String(result.upsertedId)
    });
let MongoReadCollection = class MongoReadCollection {
    constructor(name, collection){
        this.name = name;
        this.collection = collection;
    }
    // `readOnly` and `handOver` change nothing here: the driver's documents are always fresh.
    async find(filter = {}, options = {}) {
        const { sort, limit, skip, projection } = options;
        return await this.collection.find(asFilter(filter), {
            sort,
            limit,
            skip,
            projection
        }).toArray();
    }
    async findOne(filter, options = {}) {
        return await this.collection.findOne(asFilter(filter), {
            projection: options.projection,
            sort: options.sort
        });
    }
    async countDocuments(filter = {}) {
        return this.collection.countDocuments(asFilter(filter));
    }
    async insertOne(document) {
        await this.guard(()=>this.collection.insertOne({
                ...document
            }));
    }
    async insertMany(documents) {
        if (documents.length === 0) return;
        await this.guard(()=>this.collection.insertMany(documents.map((d)=>({
                    ...d
                })), {
                ordered: true
            }));
    }
    async updateOne(filter, update, options = {}) {
        return toUpdateResult(await this.guard(()=>this.collection.updateOne(asFilter(filter), update, {
                upsert: options.upsert ?? false
            })));
    }
    async updateMany(filter, update, options = {}) {
        return toUpdateResult(await this.guard(()=>this.collection.updateMany(asFilter(filter), update, {
                upsert: options.upsert ?? false
            })));
    }
    async replaceOne(filter, replacement, options = {}) {
        return toUpdateResult(await this.guard(()=>this.collection.replaceOne(asFilter(filter), {
                ...replacement
            }, {
                upsert: options.upsert ?? false
            })));
    }
    async deleteOne(filter) {
        return (await this.collection.deleteOne(asFilter(filter))).deletedCount;
    }
    async deleteMany(filter) {
        return (await this.collection.deleteMany(asFilter(filter))).deletedCount;
    }
    async bulkWrite(operations, _options = {}) {
        if (operations.length === 0) return;
        // Our operation shapes are the driver's; copy inserted documents, which the driver mutates.
        const driverOperations = operations.map((operation)=>'insertOne' in operation ? {
                insertOne: {
                    document: {
                        ...operation.insertOne.document
                    }
                }
            } : operation);
        await this.guard(()=>this.collection.bulkWrite(driverOperations, {
                ordered: true
            }));
    }
    async aggregate(pipeline) {
        return await this.collection.aggregate(pipeline).toArray();
    }
    async createIndex(keys, options = {}) {
        await this.guard(()=>this.collection.createIndex(keys, {
                unique: options.unique ?? false,
                ...options.name ? {
                    name: options.name
                } : {}
            }));
    }
    async guard(operation) {
        try {
            return await operation();
        } catch (error) {
            throw translate(this.name, error);
        }
    }
};
let MongoReadStore = class MongoReadStore extends _readstoreport.ReadStore {
    constructor(client, db){
        super(), this.client = client, this.db = db;
    }
    static async connect(url, options = {}) {
        const client = new _mongodb.MongoClient(url);
        await client.connect();
        return new MongoReadStore(client, client.db(options.dbName ?? databaseNameFromUrl(url) ?? 'tessera'));
    }
    get databaseName() {
        return this.db.databaseName;
    }
    collection(name) {
        return new MongoReadCollection(name, this.db.collection(name));
    }
    async listCollections() {
        const collections = await this.db.listCollections({}, {
            nameOnly: true
        }).toArray();
        return collections.map((c)=>c.name).filter((name)=>!name.startsWith('system.')).sort();
    }
    async dropCollection(name) {
        try {
            await this.db.dropCollection(name);
        } catch (error) {
            if (error instanceof _mongodb.MongoServerError && error.code === NAMESPACE_NOT_FOUND) return;
            throw error;
        }
    }
    async renameCollection(from, to) {
        if (from === to) return;
        await this.db.renameCollection(from, to, {
            dropTarget: true
        });
    }
    async getCheckpoint(projection) {
        const checkpoint = await this.checkpoints().findOne({
            _id: projection
        });
        return checkpoint ? Number(checkpoint.position) : null;
    }
    async saveCheckpoint(projection, position) {
        await this.checkpoints().updateOne({
            _id: projection
        }, {
            $set: {
                position
            }
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
        await this.db.admin().command({
            ping: 1
        });
    }
    /** Drops the whole database: for tests that made one of their own. */ async dropDatabase() {
        await this.db.dropDatabase();
    }
    async close() {
        await this.client.close();
    }
    checkpoints() {
        return this.collection(CHECKPOINTS_COLLECTION);
    }
};

//# sourceMappingURL=mongo-read-store.js.map