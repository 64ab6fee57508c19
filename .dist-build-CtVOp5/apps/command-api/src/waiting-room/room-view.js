"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RoomView", {
    enumerable: true,
    get: function() {
        return RoomView;
    }
});
const _domain = require("../../../../libs/domain/src");
let RoomView = class RoomView {
    constructor(store, stream){
        this.store = store;
        this.stream = stream;
        this.state = _domain.WaitingRoom.initialState;
        this.revision = 'no_stream';
        /** The global position of the stream's last event read (0 before any). */ this.lastPosition = 0;
        this.early = [];
        this.places = new Map();
        this.late = 0;
        this.admissions = [];
    }
    /** Reads what the stream has beyond this view; concurrent callers share one read. */ refresh() {
        this.refreshing ??= this.readNew().finally(()=>this.refreshing = undefined);
        return this.refreshing;
    }
    async readNew() {
        const from = this.revision === 'no_stream' ? 0 : this.revision + 1;
        for (const event of (await this.store.readStream(this.stream, {
            fromRevision: from
        })))this.apply(event);
    }
    apply(recorded) {
        if (this.revision !== 'no_stream' && recorded.revision <= this.revision) return;
        const event = {
            type: recorded.type,
            data: recorded.data
        };
        this.state = _domain.WaitingRoom.evolve(this.state, event);
        this.revision = recorded.revision;
        this.lastPosition = recorded.position;
        this.index(event, recorded.metadata.occurredAt);
    }
    /**
   * Takes the joins this instance has just appended at the view's revision, already folded into
   * `state` by the caller (which decided them from this view's state), so they are not folded a
   * second time: a second fold from the same state would branch the shared list of places and
   * copy it. Nothing happens if a refresh has read them meanwhile.
   */ adopt(state, joins, expectedRevision, appended) {
        if (this.revision !== expectedRevision) return void this.refresh();
        this.state = state;
        this.revision = appended.nextRevision;
        this.lastPosition = appended.position;
        for (const event of joins)this.index(event, '');
    }
    index(event, occurredAt) {
        if (event.type === 'waiting_room.joined.v1') {
            const { queueId, userId, early } = event.data;
            const key = early ? (0, _domain.earlyOrderKey)(this.state.config?.seed ?? '', queueId) : 0;
            this.places.set(queueId, {
                userId,
                early,
                key,
                lateIndex: early ? -1 : this.late++
            });
            if (early) this.early.splice(this.rankOf({
                key,
                queueId
            }), 0, {
                key,
                queueId
            });
        } else if (event.type === 'waiting_room.admitted.v1') {
            this.admissions.push({
                through: event.data.through,
                at: occurredAt
            });
        }
    }
    /** How many early places sort before this one. */ rankOf(place) {
        let low = 0;
        let high = this.early.length;
        while(low < high){
            const mid = low + high >>> 1;
            if ((0, _domain.compareEarly)(this.early[mid], place) < 0) low = mid + 1;
            else high = mid;
        }
        return low;
    }
    /** The place's 0-based index in the whole order. */ orderOf(queueId, place) {
        return place.early ? this.rankOf({
            key: place.key,
            queueId
        }) : this.early.length + place.lateIndex;
    }
    /** Where a place stands as of `now`, or undefined for a queue id the room never gave. */ standing(queueId, now) {
        const place = this.places.get(queueId);
        if (!place) return undefined;
        const order = this.orderOf(queueId, place);
        const { through, config } = this.state;
        if (order < through) return {
            userId: place.userId,
            position: 0,
            estimatedWaitSeconds: 0,
            admitted: true,
            admittedAt: this.admissionOf(order)
        };
        const position = order - through + 1;
        const next = (0, _domain.nextAdmissionAt)(this.state);
        const untilNext = next === null ? 0 : Math.max(0, Date.parse(next) - now.getTime());
        const interval = config ? 60_000 / config.admitPerMinute : 0;
        return {
            userId: place.userId,
            position,
            estimatedWaitSeconds: Math.ceil((untilNext + (position - 1) * interval) / 1000),
            admitted: false
        };
    }
    /** The time of the admission that took the place at `order` (binary search over the admissions). */ admissionOf(order) {
        let low = 0;
        let high = this.admissions.length - 1;
        while(low < high){
            const mid = low + high >>> 1;
            if (this.admissions[mid].through > order) high = mid;
            else low = mid + 1;
        }
        return this.admissions[low].at;
    }
    /** The queue id of the account's place, if it has one. */ placeOf(userId) {
        return _domain.WaitingRoom.placeOf(this.state, userId)?.queueId;
    }
};

//# sourceMappingURL=room-view.js.map