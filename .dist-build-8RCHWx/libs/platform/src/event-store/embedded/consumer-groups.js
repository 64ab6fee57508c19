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
    get ConsumerGroupNotFoundError () {
        return ConsumerGroupNotFoundError;
    },
    get ConsumerGroups () {
        return ConsumerGroups;
    },
    get DEFAULT_MAX_RETRIES () {
        return DEFAULT_MAX_RETRIES;
    },
    get DEFAULT_MESSAGE_TIMEOUT_MS () {
        return DEFAULT_MESSAGE_TIMEOUT_MS;
    }
});
const _promises = require("node:fs/promises");
const _nodepath = require("node:path");
const _eventstoreport = require("../event-store.port");
const DEFAULT_MAX_RETRIES = 5;
const DEFAULT_MESSAGE_TIMEOUT_MS = 30_000;
/** Events read ahead of the checkpoint and not yet settled. */ const OUTSTANDING_LIMIT = 256;
/** Unacked messages one member holds at a time, so the others get their share. */ const MEMBER_WINDOW = 16;
const CHECKPOINT_DELAY_MS = 50;
let ConsumerGroupNotFoundError = class ConsumerGroupNotFoundError extends Error {
    constructor(group){
        super(`consumer group "${group}" does not exist; create it with ensureConsumerGroup`);
        this.name = 'ConsumerGroupNotFoundError';
    }
};
let ConsumerGroups = class ConsumerGroups {
    constructor(dir, log, park){
        this.dir = dir;
        this.log = log;
        this.park = park;
        this.definitions = new Map();
        this.dispatchers = new Map();
    }
    async load() {
        await (0, _promises.mkdir)(this.dir, {
            recursive: true
        });
        for (const name of (await (0, _promises.readdir)(this.dir))){
            if (!name.endsWith('.json')) continue;
            const definition = JSON.parse(await (0, _promises.readFile)((0, _nodepath.join)(this.dir, name), 'utf8'));
            this.definitions.set(definition.group, definition);
        }
    }
    /**
   * Creates the group, or brings an existing one in line with `options`: the definition is
   * rewritten in place (this log can change a group's filter, unlike KurrentDB), keeping its
   * checkpoint, and a dispatcher already running here reads with the new definition from then on.
   */ async ensure(group, options = {}) {
        const wanted = {
            filter: options.filter,
            maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
            messageTimeoutMs: options.messageTimeoutMs ?? DEFAULT_MESSAGE_TIMEOUT_MS,
            strategy: options.strategy ?? 'round-robin'
        };
        const existing = this.definitions.get(group);
        if (existing) {
            const changes = (0, _eventstoreport.groupChanges)({
                ...existing,
                strategy: existing.strategy ?? 'round-robin'
            }, wanted);
            if (changes.length === 0) return {
                outcome: 'unchanged',
                changes
            };
            // The file holds the checkpoint a running dispatcher last saved; the object the one loaded.
            const saved = JSON.parse(await (0, _promises.readFile)(this.fileOf(group), 'utf8'));
            Object.assign(existing, wanted, {
                checkpoint: Math.max(existing.checkpoint, saved.checkpoint)
            });
            await writeFileDurably(this.fileOf(group), JSON.stringify(existing));
            return {
                outcome: 'updated',
                changes
            };
        }
        const from = options.from ?? 'end';
        const definition = {
            group,
            ...wanted,
            checkpoint: from === 'start' ? 0 : from === 'end' ? this.log.headPosition() : from.after
        };
        this.definitions.set(group, definition);
        await writeFileDurably(this.fileOf(group), JSON.stringify(definition));
        return {
            outcome: 'created',
            changes: []
        };
    }
    subscribe(group) {
        const definition = this.definitions.get(group);
        if (!definition) throw new ConsumerGroupNotFoundError(group);
        let dispatcher = this.dispatchers.get(group);
        if (!dispatcher) {
            dispatcher = new GroupDispatcher(definition, this.log, this.park, (checkpoint)=>writeFileDurably(this.fileOf(group), JSON.stringify({
                    ...definition,
                    checkpoint
                })));
            this.dispatchers.set(group, dispatcher);
        }
        return dispatcher.join();
    }
    async close() {
        await Promise.all([
            ...this.dispatchers.values()
        ].map((dispatcher)=>dispatcher.stop()));
        this.dispatchers.clear();
    }
    fileOf(group) {
        return (0, _nodepath.join)(this.dir, `${encodeURIComponent(group)}.json`);
    }
};
const writeFileDurably = async (path, text)=>{
    const temporary = `${path}.tmp`;
    const handle = await (0, _promises.open)(temporary, 'w');
    try {
        await handle.writeFile(text);
        await handle.sync();
    } finally{
        await handle.close();
    }
    await (0, _promises.rename)(temporary, path);
};
/** Runs one group inside this process: reads ahead, hands events out, tracks acks and timeouts. */ let GroupDispatcher = class GroupDispatcher {
    constructor(definition, log, parkEvent, persist){
        this.definition = definition;
        this.log = log;
        this.parkEvent = parkEvent;
        this.persist = persist;
        /** Read but not yet settled, in position order (Map keeps insertion order). */ this.outstanding = new Map();
        this.ready = [];
        this.members = [];
        this.nextMember = 0;
        this.reading = false;
        this.stopped = false;
        this.persisting = Promise.resolve();
        this.parks = new Set();
        this.parkRetries = new Set();
        this.readPosition = definition.checkpoint;
        this.persistedCheckpoint = definition.checkpoint;
        const every = Math.max(10, Math.min(1000, Math.floor(definition.messageTimeoutMs / 4)));
        this.timeoutTimer = setInterval(()=>this.expireTimedOut(), every);
        this.timeoutTimer.unref();
        this.unsubscribe = log.onCommit(()=>this.pump());
    }
    /** Every event at or below this position is settled. */ get checkpoint() {
        const first = this.outstanding.keys().next();
        return first.done ? this.readPosition : first.value - 1;
    }
    join() {
        const member = new GroupMember(this);
        this.members.push(member);
        this.pump();
        return member;
    }
    leave(member) {
        const index = this.members.indexOf(member);
        if (index >= 0) this.members.splice(index, 1);
        // What the member held goes back to the others, first in line; it was not its failure.
        const returned = [];
        for (const entry of this.outstanding.values()){
            if (entry.member !== member || entry.state !== 'delivered') continue;
            entry.state = 'ready';
            entry.member = undefined;
            entry.deliveries--;
            returned.push(entry);
        }
        this.ready = [
            ...returned,
            ...this.ready
        ];
        this.pump();
    }
    ack(entry, delivery) {
        if (this.outstanding.get(entry.event.position) !== entry || entry.state === 'parking') return Promise.resolve();
        void delivery;
        this.settle(entry);
        return Promise.resolve();
    }
    nack(entry, delivery, action, reason) {
        // A nack for an earlier delivery (the event was redelivered since) changes nothing.
        if (this.outstanding.get(entry.event.position) !== entry || entry.deliveries !== delivery) return Promise.resolve();
        if (entry.state !== 'delivered') return Promise.resolve();
        this.release(entry);
        if (action === 'skip') {
            this.settle(entry);
            return Promise.resolve();
        }
        if (action === 'park') return this.park(entry, reason);
        return this.retryOrPark(entry, reason);
    }
    async stop() {
        this.stopped = true;
        clearInterval(this.timeoutTimer);
        this.unsubscribe();
        for (const member of [
            ...this.members
        ])member.end();
        for (const timer of this.parkRetries)clearTimeout(timer);
        this.parkRetries.clear();
        await Promise.allSettled([
            ...this.parks
        ]);
        if (this.persistTimer) clearTimeout(this.persistTimer);
        await this.persisting;
        if (this.checkpoint !== this.persistedCheckpoint) await this.persist(this.checkpoint);
    }
    pump() {
        if (this.stopped) return;
        if (this.definition.strategy === 'pinned-by-stream') this.deliverPinned();
        else this.deliverRoundRobin();
        if (!this.reading && this.members.length > 0 && this.outstanding.size < OUTSTANDING_LIMIT && this.readPosition < this.log.headPosition()) {
            void this.readAhead();
        }
    }
    /** Each ready event to the least busy member, taking turns. */ deliverRoundRobin() {
        while(this.ready.length > 0){
            const member = this.pickMember();
            if (!member) break;
            const entry = this.ready.shift();
            if (entry.state !== 'ready' || this.outstanding.get(entry.event.position) !== entry) continue;
            this.deliver(entry, member);
        }
    }
    /**
   * Each ready event to the member its stream hashes to; one whose member is full waits in line,
   * and so does every later event of its stream (same member), so a stream keeps its order.
   */ deliverPinned() {
        if (this.members.length === 0) return;
        const waiting = [];
        for (const entry of this.ready){
            if (entry.state !== 'ready' || this.outstanding.get(entry.event.position) !== entry) continue;
            const member = this.members[streamHash(entry.event.stream) % this.members.length];
            if (member.inFlight >= MEMBER_WINDOW) waiting.push(entry);
            else this.deliver(entry, member);
        }
        this.ready = waiting;
    }
    deliver(entry, member) {
        entry.state = 'delivered';
        entry.member = member;
        entry.deliveries++;
        entry.deadline = Date.now() + this.definition.messageTimeoutMs;
        member.inFlight++;
        const delivery = entry.deliveries;
        member.deliver({
            event: entry.event,
            retryCount: delivery - 1,
            ack: ()=>this.ack(entry, delivery),
            nack: (action, reason)=>this.nack(entry, delivery, action, reason)
        });
    }
    pickMember() {
        let best;
        for(let i = 0; i < this.members.length; i++){
            const member = this.members[(this.nextMember + i) % this.members.length];
            if (member.inFlight >= MEMBER_WINDOW) continue;
            if (!best || member.inFlight < best.inFlight) best = member;
        }
        if (best) this.nextMember = (this.members.indexOf(best) + 1) % this.members.length;
        return best;
    }
    async readAhead() {
        this.reading = true;
        try {
            const { events, last } = await this.log.readRange(this.readPosition, this.log.headPosition(), this.definition.filter, OUTSTANDING_LIMIT - this.outstanding.size);
            if (this.stopped) return;
            for (const event of events){
                const entry = {
                    event,
                    state: 'ready',
                    deliveries: 0,
                    deadline: 0
                };
                this.outstanding.set(event.position, entry);
                this.ready.push(entry);
            }
            this.readPosition = last;
            this.checkpointMoved();
        } finally{
            this.reading = false;
            this.pump();
        }
    }
    release(entry) {
        if (entry.member) entry.member.inFlight--;
        entry.member = undefined;
    }
    settle(entry) {
        if (entry.state === 'delivered') this.release(entry);
        this.outstanding.delete(entry.event.position);
        this.checkpointMoved();
        this.pump();
    }
    retryOrPark(entry, reason) {
        if (entry.deliveries >= this.definition.maxRetries) {
            return this.park(entry, `${reason} (delivered ${entry.deliveries} times)`);
        }
        entry.state = 'ready';
        this.ready.push(entry);
        this.pump();
        return Promise.resolve();
    }
    park(entry, reason) {
        entry.state = 'parking';
        const parking = this.parkEvent(this.definition.group, entry.event, reason).then(()=>this.settle(entry), // The log cannot write for now: park it once the log expects to write again. Closing or
        // failed for good: leave it unsettled, so it is delivered again after a restart.
        (error)=>{
            if (error instanceof _eventstoreport.StorageUnavailableError && !this.stopped) this.parkLater(entry, reason, error.retryAfterSeconds * 1000);
        });
        this.parks.add(parking);
        return parking.finally(()=>this.parks.delete(parking));
    }
    parkLater(entry, reason, delayMs) {
        const timer = setTimeout(()=>{
            this.parkRetries.delete(timer);
            if (!this.stopped && this.outstanding.get(entry.event.position) === entry) void this.park(entry, reason);
        }, delayMs);
        timer.unref();
        this.parkRetries.add(timer);
    }
    expireTimedOut() {
        const now = Date.now();
        for (const entry of this.outstanding.values()){
            if (entry.state !== 'delivered' || entry.deadline > now) continue;
            this.release(entry);
            void this.retryOrPark(entry, 'message timeout');
        }
    }
    checkpointMoved() {
        if (this.persistTimer || this.checkpoint === this.persistedCheckpoint) return;
        this.persistTimer = setTimeout(()=>{
            this.persistTimer = undefined;
            const checkpoint = this.checkpoint;
            this.persisting = this.persisting.then(()=>this.persist(checkpoint)).then(()=>{
                this.persistedCheckpoint = checkpoint;
                this.checkpointMoved();
            }, ()=>undefined);
        }, CHECKPOINT_DELAY_MS);
        this.persistTimer.unref();
    }
};
/** FNV-1a of a stream name: which member a pinned group gives the stream's events to. */ const streamHash = (stream)=>{
    let hash = 0x811c9dc5;
    for(let i = 0; i < stream.length; i++)hash = Math.imul(hash ^ stream.charCodeAt(i), 0x01000193);
    return hash >>> 0;
};
/** One competing consumer: a queue of messages the dispatcher handed to it. */ let GroupMember = class GroupMember {
    constructor(dispatcher){
        this.dispatcher = dispatcher;
        this.inFlight = 0;
        this.inbox = [];
        this.closed = false;
    }
    deliver(message) {
        this.inbox.push(message);
        this.wake?.();
    }
    [Symbol.asyncIterator]() {
        return this.messages();
    }
    async close() {
        if (this.closed) return;
        this.end();
        this.dispatcher.leave(this);
    }
    /** Stops iteration without handing anything back (the whole group is stopping). */ end() {
        this.closed = true;
        this.inbox = [];
        this.wake?.();
    }
    async *messages() {
        try {
            while(!this.closed){
                const message = this.inbox.shift();
                if (message) {
                    yield message;
                    continue;
                }
                await new Promise((resolve)=>this.wake = resolve);
                this.wake = undefined;
            }
        } finally{
            await this.close();
        }
    }
};

//# sourceMappingURL=consumer-groups.js.map