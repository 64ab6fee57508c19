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
    get KurrentAllSubscription () {
        return KurrentAllSubscription;
    },
    get KurrentDbEventStore () {
        return KurrentDbEventStore;
    }
});
const _kurrentdbclient = require("@kurrent/kurrentdb-client");
const _eventstoreport = require("../event-store.port");
const _kurrentdbmapping = require("./kurrentdb-mapping");
/**
 * The EventStore port on KurrentDB (≥ 25.1) through `@kurrent/kurrentdb-client`. Our global
 * position is the event's commit position; atomic multi-stream appends use the server's
 * `multiStreamAppend`; consumer groups are persistent subscriptions to `$all`.
 */ const isGroupExists = (error)=>error instanceof _kurrentdbclient.PersistentSubscriptionExistsError || error?.code === 6; // gRPC ALREADY_EXISTS
/** Client-side part of a filter: what the server could not filter, plus the exclusive start. */ const accepts = (event, filter, after)=>(0, _eventstoreport.matchesFilter)(event, filter) && (after === undefined || event.position > after);
const afterOf = (from)=>typeof from === 'object' ? from.after : undefined;
let KurrentDbEventStore = class KurrentDbEventStore extends _eventstoreport.EventStore {
    constructor(client){
        super(), this.client = client, /** Filters of the groups this process ensured: the part the server cannot apply is ours. */ this.groupFilters = new Map(), this.subscriptions = new Set();
    }
    static fromConnectionString(connectionString) {
        return new KurrentDbEventStore(_kurrentdbclient.KurrentDBClient.connectionString(connectionString));
    }
    async append(stream, events, options = {}) {
        const expected = options.expectedRevision ?? 'any';
        let result;
        try {
            result = await this.client.appendToStream(stream, events.map(_kurrentdbmapping.toEventData), {
                streamState: (0, _kurrentdbmapping.toStreamState)(expected)
            });
        } catch (error) {
            throw (0, _kurrentdbmapping.translateAppendError)(error, ()=>expected);
        }
        const nextRevision = (0, _kurrentdbmapping.toSafeNumber)(result.nextExpectedRevision, 'revision');
        // An idempotent re-append may come back without a position: take the stream's last event's.
        const position = result.position ? (0, _kurrentdbmapping.positionNumber)(result.position) : await this.positionOfRevision(stream, nextRevision);
        return {
            stream,
            nextRevision,
            position
        };
    }
    async appendMulti(appends) {
        const expectedByStream = new Map(appends.map((a)=>[
                a.stream,
                a.expectedRevision
            ]));
        let result;
        try {
            result = await this.client.multiStreamAppend(appends.map((a)=>({
                    streamName: a.stream,
                    expectedState: (0, _kurrentdbmapping.toStreamState)(a.expectedRevision),
                    events: a.events.map(_kurrentdbmapping.toEventData)
                })));
        } catch (error) {
            if ((0, _kurrentdbmapping.isUnsupported)(error)) throw new _kurrentdbmapping.KurrentDbVersionError('atomic multi-stream append (multiStreamAppend)', error);
            throw (0, _kurrentdbmapping.translateAppendError)(error, (stream)=>expectedByStream.get(stream) ?? 'any');
        }
        const position = (0, _kurrentdbmapping.toSafeNumber)(result.position, 'position');
        return {
            position,
            streams: result.responses.map((response)=>({
                    stream: response.streamName,
                    nextRevision: (0, _kurrentdbmapping.toSafeNumber)(response.revision, 'revision'),
                    position
                }))
        };
    }
    async readStream(stream, options = {}) {
        const backwards = options.direction === 'backwards';
        if (options.maxCount === 0) return [];
        const events = [];
        try {
            for await (const resolved of this.client.readStream(stream, {
                direction: backwards ? _kurrentdbclient.BACKWARDS : _kurrentdbclient.FORWARDS,
                fromRevision: options.fromRevision !== undefined ? BigInt(options.fromRevision) : backwards ? _kurrentdbclient.END : _kurrentdbclient.START,
                ...options.maxCount !== undefined ? {
                    maxCount: options.maxCount
                } : {}
            })){
                if (resolved.event) events.push((0, _kurrentdbmapping.fromRecordedEvent)(resolved.event));
            }
        } catch (error) {
            if (error instanceof _kurrentdbclient.StreamNotFoundError) return [];
            throw error;
        }
        return events;
    }
    async *readAll(options = {}) {
        const { after, maxCount, filter } = options;
        if ((0, _kurrentdbmapping.matchesNothing)(filter) || maxCount === 0) return;
        let yielded = 0;
        // The server reads from a position inclusively; ours is exclusive, hence `accepts`.
        const reading = this.client.readAll({
            direction: _kurrentdbclient.FORWARDS,
            fromPosition: after === undefined ? _kurrentdbclient.START : (0, _kurrentdbmapping.toLogPosition)(after),
            filter: (0, _kurrentdbmapping.toServerFilter)(filter)
        });
        for await (const resolved of reading){
            if (!resolved.event) continue;
            const event = (0, _kurrentdbmapping.fromRecordedEvent)(resolved.event);
            if (!accepts(event, filter, after)) continue;
            yield event;
            yielded += 1;
            if (maxCount !== undefined && yielded >= maxCount) return;
        }
    }
    async headPosition() {
        for await (const resolved of this.client.readAll({
            direction: _kurrentdbclient.BACKWARDS,
            fromPosition: _kurrentdbclient.END,
            maxCount: 1,
            filter: (0, _kurrentdbclient.excludeSystemEvents)()
        })){
            if (resolved.event) return (0, _kurrentdbmapping.positionNumber)(resolved.event.position);
        }
        return 0;
    }
    subscribeToAll(options) {
        const after = afterOf(options.from);
        const subscription = new KurrentAllSubscription((0, _kurrentdbmapping.matchesNothing)(options.filter) ? null : this.client.subscribeToAll({
            fromPosition: (0, _kurrentdbmapping.toReadPosition)(options.from),
            filter: (0, _kurrentdbmapping.toServerFilter)(options.filter)
        }), (event)=>accepts(event, options.filter, after), ()=>this.subscriptions.delete(subscription));
        this.subscriptions.add(subscription);
        return subscription;
    }
    /**
   * Creates the group, or brings it in line. Settings are updated in place. A changed filter
   * cannot be (KurrentDB updates no `$all` group's filter, kurrent-io/KurrentDB#3673, nor reports
   * it), so the filter each group was made with is recorded in a stream's metadata, and a group
   * whose filter differs, or has none recorded (made before this was recorded), is deleted and
   * made again from its last checkpoint: the events after it are delivered again (at least once,
   * as after any restart), those before it are not read again under the new filter.
   */ async ensureConsumerGroup(group, options = {}) {
        this.groupFilters.set(group, {
            filter: options.filter,
            after: afterOf(options.from)
        });
        const settings = (0, _kurrentdbmapping.toGroupSettings)(options);
        const wanted = {
            filter: options.filter,
            ...(0, _kurrentdbmapping.fromGroupSettings)(settings)
        };
        const info = await this.client.getPersistentSubscriptionToAllInfo(group).catch((error)=>{
            if (error instanceof _kurrentdbclient.PersistentSubscriptionDoesNotExistError) return undefined;
            throw error;
        });
        if (!info) {
            const created = await this.createGroup(group, settings, options.filter);
            // Another instance made it first: bring that one in line.
            return created ? {
                outcome: 'created',
                changes: []
            } : this.ensureConsumerGroup(group, options);
        }
        const recorded = await this.recordedGroupFilter(group);
        const changes = (0, _eventstoreport.groupChanges)({
            filter: recorded?.filter,
            ...(0, _kurrentdbmapping.fromGroupSettings)(info.settings)
        }, wanted);
        if (!recorded && !changes.includes('filter')) changes.unshift('filter');
        if (changes.includes('filter')) {
            const checkpoint = info.stats.lastCheckpointedEventPosition;
            await this.client.deletePersistentSubscriptionToAll(group).catch((error)=>{
                if (!(error instanceof _kurrentdbclient.PersistentSubscriptionDoesNotExistError)) throw error;
            });
            await this.createGroup(group, checkpoint ? {
                ...settings,
                startFrom: checkpoint
            } : settings, options.filter);
            return {
                outcome: 'recreated',
                changes
            };
        }
        if (changes.length === 0) return {
            outcome: 'unchanged',
            changes
        };
        // startFrom as it is: it only ever applied to the group's first read.
        await this.client.updatePersistentSubscriptionToAll(group, {
            ...settings,
            startFrom: info.settings.startFrom
        });
        return {
            outcome: 'updated',
            changes
        };
    }
    /** False when the group already exists. The filter is recorded first: a group never exists without it. */ async createGroup(group, settings, filter) {
        await this.client.setStreamMetadata((0, _kurrentdbmapping.groupDefinitionStreamName)(group), {
            tesseraGroupFilter: filter ?? null
        });
        try {
            await this.client.createPersistentSubscriptionToAll(group, settings, {
                filter: (0, _kurrentdbmapping.toServerFilter)(filter)
            });
            return true;
        } catch (error) {
            if (isGroupExists(error)) return false;
            throw error;
        }
    }
    /** The filter recorded for a group, or undefined when none was. */ async recordedGroupFilter(group) {
        const { metadata } = await this.client.getStreamMetadata((0, _kurrentdbmapping.groupDefinitionStreamName)(group));
        if (!metadata || !('tesseraGroupFilter' in metadata)) return undefined;
        return {
            filter: metadata.tesseraGroupFilter ?? undefined
        };
    }
    subscribeToGroup(group) {
        const { filter, after } = this.groupFilters.get(group) ?? {};
        const subscription = new KurrentGroupSubscription(this.client.subscribeToPersistentSubscriptionToAll(group), (event)=>accepts(event, filter, after), ()=>this.subscriptions.delete(subscription));
        this.subscriptions.add(subscription);
        return subscription;
    }
    async readParked(group) {
        const events = [];
        try {
            for await (const resolved of this.client.readStream((0, _kurrentdbmapping.parkedStreamName)(group), {
                direction: _kurrentdbclient.FORWARDS,
                fromRevision: _kurrentdbclient.START,
                resolveLinkTos: true
            })){
                if (resolved.event) events.push(await this.withKnownPosition((0, _kurrentdbmapping.fromRecordedEvent)(resolved.event)));
            }
        } catch (error) {
            if (error instanceof _kurrentdbclient.StreamNotFoundError) return [];
            throw error;
        }
        return events;
    }
    async close() {
        await Promise.allSettled([
            ...this.subscriptions
        ].map((s)=>s.close()));
        await this.client.dispose();
    }
    async positionOfRevision(stream, revision) {
        const [event] = await this.readStream(stream, {
            direction: 'backwards',
            fromRevision: revision,
            maxCount: 1
        });
        return event?.position ?? _kurrentdbmapping.UNKNOWN_POSITION;
    }
    /** Links resolved from a stream read may lack the original's position: look it up. */ async withKnownPosition(event) {
        if (event.position !== _kurrentdbmapping.UNKNOWN_POSITION) return event;
        const [original] = await this.readStream(event.stream, {
            fromRevision: event.revision,
            maxCount: 1
        });
        return original ?? event;
    }
};
let KurrentAllSubscription = class KurrentAllSubscription {
    constructor(source, accept, onClose){
        this.source = source;
        this.accept = accept;
        this.onClose = onClose;
        this.closed = false;
        this.taken = 0;
        this.finished = 0;
        this.caughtUpAt = null;
        this.closedSignal = new Promise((resolve)=>this.markClosed = resolve);
        this.caughtUp = new Promise((resolve, reject)=>{
            this.resolveCaughtUp = resolve;
            this.rejectCaughtUp = reject;
        });
        this.caughtUp.catch(()=>undefined);
        if (!source) {
            this.resolveCaughtUp();
        } else {
            source.on('caughtUp', ()=>{
                if (this.caughtUpAt !== null) return;
                this.caughtUpAt = this.taken + source.readableLength;
                this.settleIfDone();
            });
        }
        this.events = this.iterate();
    }
    [Symbol.asyncIterator]() {
        return this.events;
    }
    async close() {
        if (this.closed) return;
        this.closed = true;
        this.markClosed();
        this.onClose();
        await this.source?.unsubscribe().catch(()=>undefined);
        this.rejectCaughtUp(new Error('subscription closed before it caught up'));
    }
    settleIfDone() {
        if (this.caughtUpAt !== null && this.finished >= this.caughtUpAt) this.resolveCaughtUp();
    }
    async *iterate() {
        if (!this.source) {
            // A filter that matches nothing: stay open and silent until closed.
            await this.closedSignal;
            return;
        }
        try {
            for await (const resolved of this.source){
                if (this.closed) return;
                this.taken += 1;
                if (resolved.event) {
                    const event = (0, _kurrentdbmapping.fromRecordedEvent)(resolved.event);
                    if (this.accept(event)) yield event;
                }
                this.finished += 1;
                this.settleIfDone();
            }
        } catch (error) {
            if (this.closed) return;
            this.rejectCaughtUp(error);
            throw error;
        }
    }
};
/** Competing consumers on a persistent subscription to `$all`. */ let KurrentGroupSubscription = class KurrentGroupSubscription {
    constructor(source, accept, onClose){
        this.source = source;
        this.accept = accept;
        this.onClose = onClose;
        this.closed = false;
        this.messages = this.iterate();
    }
    [Symbol.asyncIterator]() {
        return this.messages;
    }
    async close() {
        if (this.closed) return;
        this.closed = true;
        this.onClose();
        await this.source.unsubscribe().catch(()=>undefined);
    }
    async *iterate() {
        try {
            for await (const resolved of this.source){
                if (this.closed) return;
                if (!resolved.event) {
                    await this.source.ack(resolved);
                    continue;
                }
                const event = (0, _kurrentdbmapping.fromRecordedEvent)(resolved.event);
                if (!this.accept(event)) {
                    // The server filters on one criterion; what the other rules out is acknowledged unseen.
                    await this.source.ack(resolved);
                    continue;
                }
                yield {
                    event,
                    retryCount: resolved.retryCount,
                    ack: ()=>this.source.ack(resolved),
                    nack: (action, reason)=>this.source.nack((0, _kurrentdbmapping.toPersistentAction)(action), reason, resolved)
                };
            }
        } catch (error) {
            if (this.closed) return;
            throw error;
        }
    }
};

//# sourceMappingURL=kurrentdb-event-store.js.map