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
    get EventStore () {
        return EventStore;
    },
    get StorageUnavailableError () {
        return StorageUnavailableError;
    },
    get WrongExpectedRevisionError () {
        return WrongExpectedRevisionError;
    },
    get groupChanges () {
        return groupChanges;
    },
    get matchesFilter () {
        return matchesFilter;
    }
});
const filterKey = (filter)=>JSON.stringify({
        eventTypes: filter?.eventTypes && [
            ...filter.eventTypes
        ].sort(),
        streamPrefixes: filter?.streamPrefixes && [
            ...filter.streamPrefixes
        ].sort()
    });
const groupChanges = (current, wanted)=>[
        ...filterKey(current.filter) === filterKey(wanted.filter) ? [] : [
            'filter'
        ],
        ...[
            'maxRetries',
            'messageTimeoutMs',
            'strategy'
        ].filter((setting)=>current[setting] !== wanted[setting])
    ];
let EventStore = class EventStore {
    /**
   * Throws StorageUnavailableError while the store cannot write (disk full, I/O error); reads go
   * on meanwhile. A store that cannot tell (a remote server) never throws here.
   */ assertWritable() {}
    /**
   * Whether a reader's checkpoint counts only events this log holds: false past the head, and
   * (embedded log) inside positions a `log repair` removed. A reader at such a checkpoint must
   * rebuild, or be moved back.
   */ async holdsCheckpoint(position) {
        return position <= await this.headPosition();
    }
};
let WrongExpectedRevisionError = class WrongExpectedRevisionError extends Error {
    constructor(conflicts){
        const first = conflicts[0];
        super(`wrong expected revision on ${first.stream}: expected ${String(first.expected)}, actual ${String(first.actual)}`);
        this.name = 'WrongExpectedRevisionError';
        this.conflicts = conflicts;
    }
    get stream() {
        return this.conflicts[0].stream;
    }
    get actualRevision() {
        return this.conflicts[0].actual;
    }
};
let StorageUnavailableError = class StorageUnavailableError extends Error {
    constructor(message, retryAfterSeconds, options){
        super(message, options), this.retryAfterSeconds = retryAfterSeconds;
        this.name = 'StorageUnavailableError';
    }
};
const matchesFilter = (event, filter)=>{
    if (event.stream.startsWith('$')) return false;
    if (!filter) return true;
    if (filter.eventTypes && !filter.eventTypes.includes(event.type)) return false;
    if (filter.streamPrefixes && !filter.streamPrefixes.some((p)=>event.stream.startsWith(p))) return false;
    return true;
};

//# sourceMappingURL=event-store.port.js.map