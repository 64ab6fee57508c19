"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "WaitingRooms", {
    enumerable: true,
    get: function() {
        return WaitingRooms;
    }
});
const _common = require("@nestjs/common");
const _contracts = require("../../../../libs/contracts/src");
const _domain = require("../../../../libs/domain/src");
const _eventsourcing = require("../../../../libs/platform/src/commands/event-sourcing");
const _eventstoreport = require("../../../../libs/platform/src/event-store/event-store.port");
const _metrics = require("../../../../libs/platform/src/observability/metrics");
const _clock = require("../../../../libs/platform/src/time/clock");
const _roomview = require("./room-view");
function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
/**
 * The waiting rooms this instance serves, in memory (RoomView per show), and the two writes to
 * `queue-{showId}` that come in volume:
 * - joins, batched per show: the joins that arrive while one append is in flight are decided
 *   together against the view and appended in one append at the revision the view was read at.
 *   A flash sale's thousands of joins a second become a few appends, and another instance's
 *   append in between only makes the batch read again and decide again (one place per account
 *   holds across instances, since each decision sees every place the log has);
 * - admissions (the AdmissionSchedule's ticks): the same expected-revision append, so two
 *   instances ticking at once admit once.
 */ const JOIN_BATCH = 1000;
const JOIN_ATTEMPTS = 10;
/** Shows kept in memory; the least recently used goes first (it is read again from the log if needed). */ const ROOMS_KEPT = 1000;
let WaitingRooms = class WaitingRooms {
    constructor(store, clock, metrics){
        this.store = store;
        this.clock = clock;
        this.logger = new _common.Logger('WaitingRooms');
        this.rooms = new Map();
        this.pending = new Map();
        this.flushing = new Set();
        this.admissions = metrics.counter('tessera_waiting_room_admissions_total', 'Waiting-room places admitted (each admission appended by this instance)');
        metrics.gauge('tessera_waiting_room_queue_length', 'Places waiting in the open waiting rooms this instance serves, not yet admitted', [], (gauge)=>{
            let waiting = 0;
            for (const room of this.rooms.values())if (_domain.WaitingRoom.isOpenRoom(room.state)) waiting += _domain.WaitingRoom.waitingPlaces(room.state);
            gauge.set(waiting);
        });
    }
    /** The show's room as the log has it now. */ async view(showId) {
        let room = this.rooms.get(showId);
        if (room) {
            this.rooms.delete(showId); // to the end: most recently used
        } else {
            room = new _roomview.RoomView(this.store, (0, _contracts.queueStream)(showId));
            if (this.rooms.size >= ROOMS_KEPT) this.rooms.delete(this.rooms.keys().next().value);
        }
        this.rooms.set(showId, room);
        await room.refresh();
        return room;
    }
    /** Takes (or finds) the account's place; `queueId` is used only for a new place. */ join(showId, userId, queueId, context) {
        return new Promise((resolve, reject)=>{
            const queue = this.pending.get(showId) ?? [];
            queue.push({
                userId,
                queueId,
                context,
                resolve,
                reject
            });
            this.pending.set(showId, queue);
            if (!this.flushing.has(showId)) void this.flush(showId);
        });
    }
    async flush(showId) {
        this.flushing.add(showId);
        try {
            for(let queue = this.pending.get(showId); queue?.length; queue = this.pending.get(showId)){
                const batch = queue.splice(0, JOIN_BATCH);
                await this.joinBatch(showId, batch).catch((error)=>batch.forEach((join)=>join.reject(error)));
            }
        } finally{
            this.flushing.delete(showId);
            this.pending.delete(showId);
        }
    }
    async joinBatch(showId, batch) {
        const stream = (0, _contracts.queueStream)(showId);
        for(let attempt = 1;; attempt++){
            const room = await this.view(showId);
            let state = room.state;
            const appends = [];
            const decided = [];
            const refused = new Map();
            for (const join of batch){
                try {
                    const events = _domain.WaitingRoom.decide({
                        type: 'JoinQueue',
                        data: {
                            showId,
                            queueId: join.queueId,
                            userId: join.userId
                        },
                        metadata: {
                            now: join.context.now.toISOString()
                        }
                    }, state);
                    for (const event of events){
                        state = _domain.WaitingRoom.evolve(state, event);
                        decided.push(event);
                        appends.push(this.toAppend(stream, event, join.context));
                    }
                } catch (error) {
                    refused.set(join, error);
                }
            }
            let logPosition = 0;
            if (appends.length > 0) {
                const expectedRevision = room.revision;
                try {
                    const appended = await this.store.append(stream, appends, {
                        expectedRevision
                    });
                    logPosition = appended.position;
                    room.adopt(state, decided, expectedRevision, appended);
                } catch (error) {
                    if (error instanceof _eventstoreport.WrongExpectedRevisionError && attempt < JOIN_ATTEMPTS) continue; // another instance wrote: decide again
                    if (error instanceof _eventstoreport.WrongExpectedRevisionError) throw new _domain.DomainError('CONCURRENCY_CONFLICT', 'the waiting room is changing too fast; try again', {});
                    throw error;
                }
            }
            if (logPosition === 0) logPosition = room.lastPosition; // only repeats: the room as they found it
            const now = this.clock.now();
            for (const join of batch){
                const error = refused.get(join);
                if (error !== undefined) {
                    join.reject(error);
                    continue;
                }
                const queueId = room.placeOf(join.userId);
                const standing = room.standing(queueId, join.context.now > now ? join.context.now : now);
                join.resolve({
                    ...standing,
                    queueId,
                    logPosition
                });
            }
            return;
        }
    }
    toAppend(stream, event, context) {
        return {
            id: (0, _eventsourcing.deterministicEventId)(context.causationId, stream, 0),
            type: event.type,
            data: event.data,
            metadata: (0, _eventsourcing.metadataFor)(context, event.type)
        };
    }
    /**
   * One admission tick: the places the rate allows by `now`, appended at the revision read (a
   * conflict means another instance ticked: read again, decide again). Answers when the next
   * place is due, or null when nobody waits (a join brings the room back).
   */ async admit(showId, now) {
        const stream = (0, _contracts.queueStream)(showId);
        for(let attempt = 1;; attempt++){
            const room = await this.view(showId);
            const events = _domain.WaitingRoom.decide({
                type: 'AdmitPlaces',
                data: {
                    showId
                },
                metadata: {
                    now: now.toISOString()
                }
            }, room.state);
            if (events.length === 0) return (0, _domain.nextAdmissionAt)(room.state);
            const [admitted] = events;
            const context = {
                actorId: 'system:waiting-room',
                correlationId: `admit-${showId}`,
                causationId: `admit-${showId}-${admitted.data.through}`,
                now
            };
            try {
                await this.store.append(stream, [
                    this.toAppend(stream, admitted, context)
                ], {
                    expectedRevision: room.revision
                });
                this.admissions.inc(admitted.data.count);
            } catch (error) {
                if (!(error instanceof _eventstoreport.WrongExpectedRevisionError) || attempt >= 3) throw error;
                this.logger.debug({
                    showId
                }, 'another instance admitted meanwhile; reading again');
                continue;
            }
            await room.refresh();
            return (0, _domain.nextAdmissionAt)(room.state);
        }
    }
};
WaitingRooms = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock,
        typeof _metrics.Metrics === "undefined" ? Object : _metrics.Metrics
    ])
], WaitingRooms);

//# sourceMappingURL=waiting-rooms.js.map