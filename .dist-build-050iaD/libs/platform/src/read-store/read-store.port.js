/**
 * ReadStore port: named collections of denormalised documents with MongoDB query and update
 * semantics, plus projection checkpoints. Two adapters (embedded on mingo, and MongoDB) pass
 * `read-store.contract.ts`. Read models are disposable: the log is the truth.
 */ "use strict";
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
    get DuplicateKeyError () {
        return DuplicateKeyError;
    },
    get ReadStore () {
        return ReadStore;
    }
});
let ReadStore = class ReadStore {
};
let DuplicateKeyError = class DuplicateKeyError extends Error {
    constructor(collection, key){
        super(`duplicate key in ${collection}: ${JSON.stringify(key)}`), this.key = key;
        this.name = 'DuplicateKeyError';
    }
};

//# sourceMappingURL=read-store.port.js.map