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
    get DEFAULT_MAX_RETRIES () {
        return DEFAULT_MAX_RETRIES;
    },
    get DEFAULT_MESSAGE_TIMEOUT_MS () {
        return DEFAULT_MESSAGE_TIMEOUT_MS;
    },
    get KurrentDbVersionError () {
        return KurrentDbVersionError;
    },
    get UNKNOWN_POSITION () {
        return UNKNOWN_POSITION;
    },
    get decodeMetadata () {
        return decodeMetadata;
    },
    get encodeMetadata () {
        return encodeMetadata;
    },
    get fromGroupSettings () {
        return fromGroupSettings;
    },
    get fromRecordedEvent () {
        return fromRecordedEvent;
    },
    get groupDefinitionStreamName () {
        return groupDefinitionStreamName;
    },
    get isUnsupported () {
        return isUnsupported;
    },
    get matchesNothing () {
        return matchesNothing;
    },
    get parkedStreamName () {
        return parkedStreamName;
    },
    get positionNumber () {
        return positionNumber;
    },
    get toEventData () {
        return toEventData;
    },
    get toGroupSettings () {
        return toGroupSettings;
    },
    get toLogPosition () {
        return toLogPosition;
    },
    get toPersistentAction () {
        return toPersistentAction;
    },
    get toReadPosition () {
        return toReadPosition;
    },
    get toRevisionConflict () {
        return toRevisionConflict;
    },
    get toSafeNumber () {
        return toSafeNumber;
    },
    get toServerFilter () {
        return toServerFilter;
    },
    get toStreamState () {
        return toStreamState;
    },
    get translateAppendError () {
        return translateAppendError;
    }
});
const _kurrentdbclient = require("@kurrent/kurrentdb-client");
const _eventstoreport = require("../event-store.port");
const toSafeNumber = (value, what)=>{
    const number = Number(value);
    if (!Number.isSafeInteger(number)) throw new RangeError(`${what} ${value} is beyond Number.MAX_SAFE_INTEGER`);
    return number;
};
const toNonNegativeBigInt = (value, what)=>{
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative safe integer, got ${value}`);
    return BigInt(value);
};
const toStreamState = (expected)=>{
    switch(expected){
        case 'any':
            return _kurrentdbclient.ANY;
        case 'no_stream':
            return _kurrentdbclient.NO_STREAM;
        case 'stream_exists':
            return _kurrentdbclient.STREAM_EXISTS;
        default:
            return toNonNegativeBigInt(expected, 'expected revision');
    }
};
const UNKNOWN_POSITION = -1;
const positionNumber = (position)=>{
    if (!position) return UNKNOWN_POSITION;
    const number = Number(position.commit);
    return Number.isSafeInteger(number) && number >= 0 ? number : UNKNOWN_POSITION;
};
const toLogPosition = (position)=>{
    const value = toNonNegativeBigInt(position, 'position');
    return {
        commit: value,
        prepare: value
    };
};
const toReadPosition = (from)=>{
    if (from === 'start') return _kurrentdbclient.START;
    if (from === 'end') return _kurrentdbclient.END;
    return toLogPosition(from.after);
};
// ---- events ----------------------------------------------------------------------------------
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const encodeMetadata = (metadata)=>({
        actorId: metadata.actorId,
        correlationId: metadata.correlationId,
        causationId: metadata.causationId,
        occurredAt: metadata.occurredAt,
        schemaVersion: String(metadata.schemaVersion)
    });
const decodeMetadata = (raw)=>{
    const source = typeof raw === 'object' && raw !== null && !(raw instanceof Uint8Array) ? raw : {};
    const text = (key)=>typeof source[key] === 'string' ? source[key] : '';
    const version = Number(source.schemaVersion);
    return {
        actorId: text('actorId'),
        correlationId: text('correlationId'),
        causationId: text('causationId'),
        occurredAt: text('occurredAt'),
        schemaVersion: Number.isFinite(version) ? version : 0
    };
};
const toEventData = (event)=>{
    if (!UUID.test(event.id)) throw new TypeError(`event id "${event.id}" is not a UUID (KurrentDB requires one)`);
    return {
        id: event.id,
        contentType: 'application/json',
        type: event.type,
        data: event.data,
        metadata: encodeMetadata(event.metadata)
    };
};
const fromRecordedEvent = (event)=>{
    if (!event.isJson) throw new TypeError(`event ${event.id} in ${event.streamId} is not JSON`);
    return {
        id: event.id,
        stream: event.streamId,
        type: event.type,
        revision: toSafeNumber(event.revision, 'revision'),
        position: positionNumber(event.position),
        data: event.data,
        metadata: decodeMetadata(event.metadata),
        recordedAt: event.created.toISOString()
    };
};
// ---- filters ---------------------------------------------------------------------------------
const escapeRegex = (text)=>text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const toServerFilter = (filter)=>{
    if (filter?.streamPrefixes && filter.streamPrefixes.length > 0) {
        return (0, _kurrentdbclient.streamNameFilter)({
            prefixes: [
                ...filter.streamPrefixes
            ]
        });
    }
    if (filter?.eventTypes && filter.eventTypes.length > 0) {
        return (0, _kurrentdbclient.eventTypeFilter)({
            regex: `^(?:${filter.eventTypes.map(escapeRegex).join('|')})$`
        });
    }
    return (0, _kurrentdbclient.excludeSystemEvents)();
};
const matchesNothing = (filter)=>filter?.eventTypes !== undefined && filter.eventTypes.length === 0 || filter?.streamPrefixes !== undefined && filter.streamPrefixes.length === 0;
let KurrentDbVersionError = class KurrentDbVersionError extends Error {
    constructor(feature, cause){
        super(`${feature} needs KurrentDB 25.1 or later: the server does not support it`);
        this.name = 'KurrentDbVersionError';
        if (cause !== undefined) this.cause = cause;
    }
};
const GRPC_UNIMPLEMENTED = 12;
const isUnsupported = (error)=>error instanceof _kurrentdbclient.UnsupportedError || error?.code === GRPC_UNIMPLEMENTED;
const toRevisionConflict = (error, expected)=>({
        stream: error.streamName,
        expected,
        actual: error.actualState === _kurrentdbclient.NO_STREAM ? 'no_stream' : toSafeNumber(error.actualState, 'actual revision')
    });
const translateAppendError = (error, expectedFor)=>{
    if (error instanceof _kurrentdbclient.WrongExpectedVersionError) {
        return new _eventstoreport.WrongExpectedRevisionError([
            toRevisionConflict(error, expectedFor(error.streamName))
        ]);
    }
    return error;
};
const DEFAULT_MAX_RETRIES = 5;
const DEFAULT_MESSAGE_TIMEOUT_MS = 30_000;
const toGroupSettings = (options = {})=>(0, _kurrentdbclient.persistentSubscriptionToAllSettingsFromDefaults)({
        startFrom: toReadPosition(options.from ?? 'start'),
        maxRetryCount: Math.max(0, (options.maxRetries ?? DEFAULT_MAX_RETRIES) - 1),
        messageTimeout: options.messageTimeoutMs ?? DEFAULT_MESSAGE_TIMEOUT_MS,
        resolveLinkTos: false,
        consumerStrategyName: options.strategy === 'pinned-by-stream' ? _kurrentdbclient.PINNED : _kurrentdbclient.ROUND_ROBIN
    });
const fromGroupSettings = (settings)=>({
        maxRetries: settings.maxRetryCount + 1,
        messageTimeoutMs: settings.messageTimeout,
        strategy: settings.consumerStrategyName === _kurrentdbclient.PINNED ? 'pinned-by-stream' : 'round-robin'
    });
const groupDefinitionStreamName = (group)=>`tessera-consumer-group-${group}`;
const toPersistentAction = (action)=>{
    switch(action){
        case 'retry':
            return _kurrentdbclient.RETRY;
        case 'park':
            return _kurrentdbclient.PARK;
        case 'skip':
            return _kurrentdbclient.SKIP;
    }
};
const parkedStreamName = (group)=>`$persistentsubscription-$all::${group}-parked`;

//# sourceMappingURL=kurrentdb-mapping.js.map