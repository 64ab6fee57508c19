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
    get createEventStore () {
        return createEventStore;
    },
    get createReadStore () {
        return createReadStore;
    },
    get createSeatLocks () {
        return createSeatLocks;
    }
});
const _common = require("@nestjs/common");
const _nodepath = require("node:path");
function _getRequireWildcardCache(nodeInterop) {
    if (typeof WeakMap !== "function") return null;
    var cacheBabelInterop = new WeakMap();
    var cacheNodeInterop = new WeakMap();
    return (_getRequireWildcardCache = function(nodeInterop) {
        return nodeInterop ? cacheNodeInterop : cacheBabelInterop;
    })(nodeInterop);
}
function _interop_require_wildcard(obj, nodeInterop) {
    if (!nodeInterop && obj && obj.__esModule) return obj;
    if (obj === null || typeof obj !== "object" && typeof obj !== "function") return {
        default: obj
    };
    var cache = _getRequireWildcardCache(nodeInterop);
    if (cache && cache.has(obj)) return cache.get(obj);
    var newObj = {
        __proto__: null
    };
    var hasPropertyDescriptor = Object.defineProperty && Object.getOwnPropertyDescriptor;
    for(var key in obj){
        if (key !== "default" && Object.prototype.hasOwnProperty.call(obj, key)) {
            var desc = hasPropertyDescriptor ? Object.getOwnPropertyDescriptor(obj, key) : null;
            if (desc && (desc.get || desc.set)) Object.defineProperty(newObj, key, desc);
            else newObj[key] = obj[key];
        }
    }
    newObj.default = obj;
    if (cache) cache.set(obj, newObj);
    return newObj;
}
const createEventStore = async (config, observer)=>{
    if (config.EVENTSTORE_URL) {
        const { createKurrentDbEventStore } = await Promise.resolve().then(()=>/*#__PURE__*/ _interop_require_wildcard(require("./event-store/kurrentdb")));
        return createKurrentDbEventStore(config.EVENTSTORE_URL);
    }
    const { EmbeddedEventStore } = await Promise.resolve().then(()=>/*#__PURE__*/ _interop_require_wildcard(require("./event-store/embedded")));
    return EmbeddedEventStore.open({
        dataDir: config.DATA_DIR,
        logger: new _common.Logger('EventStore'),
        observer
    });
};
const createReadStore = async (config)=>{
    if (config.MONGO_URL) {
        const { MongoReadStore } = await Promise.resolve().then(()=>/*#__PURE__*/ _interop_require_wildcard(require("./read-store/mongodb")));
        return MongoReadStore.connect(config.MONGO_URL);
    }
    const { EmbeddedReadStore } = await Promise.resolve().then(()=>/*#__PURE__*/ _interop_require_wildcard(require("./read-store/embedded")));
    const store = new EmbeddedReadStore({
        snapshotDir: (0, _nodepath.join)(config.DATA_DIR, 'read-models')
    });
    await store.open();
    return store;
};
const createSeatLocks = async (config, clock)=>{
    if (config.REDIS_URLS?.length) {
        const { RedlockSeatLocks } = await Promise.resolve().then(()=>/*#__PURE__*/ _interop_require_wildcard(require("./seat-locks/redlock-seat-locks")));
        return new RedlockSeatLocks(config.REDIS_URLS);
    }
    const { InProcessSeatLocks } = await Promise.resolve().then(()=>/*#__PURE__*/ _interop_require_wildcard(require("./seat-locks/in-process-seat-locks")));
    return new InProcessSeatLocks(clock);
};

//# sourceMappingURL=adapters.js.map