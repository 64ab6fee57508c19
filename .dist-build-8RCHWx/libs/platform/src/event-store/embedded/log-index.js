/**
 * In-memory indexes of the durable part of the log, rebuilt by the start-up scan: where each
 * position sits in the file, and which positions each stream holds. Payloads stay on disk. Per
 * position the index keeps 20 bytes in typed arrays (file offset, length, the stream's revision
 * there and the stream's previous position); per stream, one Map entry from its name to its last
 * position. A stream's positions are that chain walked back: most streams are short (a seat, a
 * booking, a ticket: one to three events), and an array per stream cost about 140 bytes (the
 * array and its elements, over-allocated when it grows), 27 MB at 100,000 bookings
 * (bench:memory in bench/RESULTS.md).
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
    get LogIndex () {
        return LogIndex;
    },
    get RecentEventIds () {
        return RecentEventIds;
    }
});
let LogIndex = class LogIndex {
    /** Position of the newest durable event; 0 for an empty log. */ get headPosition() {
        return this.head;
    }
    get streamCount() {
        return this.streams.size;
    }
    /** Records a durable event. Positions arrive in order, revisions contiguous per stream. */ add(stream, revision, position, offset, length) {
        if (position !== this.head + 1) throw new Error(`log index: position ${position} after ${this.head}`);
        if (position > 0xffff_ffff) throw new Error(`log index: position ${position} is past the index's range`);
        const last = this.streams.get(stream);
        const count = last === undefined ? 0 : this.revisions[last - 1] + 1;
        if (revision !== count) {
            throw new Error(`log index: ${stream} revision ${revision} after ${count - 1}`);
        }
        if (position > this.offsets.length) this.grow();
        this.offsets[position - 1] = offset;
        this.lengths[position - 1] = length;
        this.revisions[position - 1] = revision;
        this.previous[position - 1] = last ?? 0;
        this.streams.set(stream, position);
        this.head = position;
    }
    /**
   * Skips the positions up to `to`, which a log repair removed: they stay empty (zero-length
   * entries at `offset`, where the next event begins), so positions are never handed out twice.
   */ skipTo(to, offset) {
        if (to <= this.head) return;
        while(to > this.offsets.length)this.grow();
        this.offsets.fill(offset, this.head, to);
        this.lengths.fill(0, this.head, to);
        this.lost.push({
            from: this.head + 1,
            to
        });
        this.head = to;
    }
    /** Whether `position` was removed by a log repair (it holds no event). */ isLost(position) {
        return this.lost.some((range)=>position >= range.from && position <= range.to);
    }
    /** Whether `position` holds an event (false for a removed one). */ holdsEvent(position) {
        return position >= 1 && position <= this.head && this.lengths[position - 1] > 0;
    }
    offsetOf(position) {
        return this.offsets[position - 1];
    }
    lengthOf(position) {
        return this.lengths[position - 1];
    }
    /** End of the durable bytes of `position` in the file. */ endOf(position) {
        return this.offsets[position - 1] + this.lengths[position - 1];
    }
    /** Last durable revision of a stream, -1 when it has none. */ lastRevision(stream) {
        const last = this.streams.get(stream);
        return last === undefined ? -1 : this.revisions[last - 1];
    }
    /** Position of a stream's last durable event, 0 when it has none. */ lastPosition(stream) {
        return this.streams.get(stream) ?? 0;
    }
    /**
   * Positions of a stream by revision, from `fromRevision` on (index 0 = `fromRevision`): a new
   * array, walked back from the last only as far as `fromRevision`, so reading what is new in a
   * long stream (StreamStateCache, a waiting room's view) costs the new events, not the stream.
   */ positionsOf(stream, fromRevision = 0) {
        const last = this.streams.get(stream);
        if (last === undefined) return [];
        const lastRevision = this.revisions[last - 1];
        const from = Math.max(0, fromRevision);
        if (from > lastRevision) return [];
        const positions = new Array(lastRevision - from + 1);
        for(let position = last, i = positions.length - 1; i >= 0; i--){
            positions[i] = position;
            position = this.previous[position - 1];
        }
        return positions;
    }
    grow() {
        const capacity = this.offsets.length * 2;
        const offsets = new Float64Array(capacity);
        offsets.set(this.offsets);
        const lengths = new Uint32Array(capacity);
        lengths.set(this.lengths);
        const revisions = new Uint32Array(capacity);
        revisions.set(this.revisions);
        const previous = new Uint32Array(capacity);
        previous.set(this.previous);
        this.offsets = offsets;
        this.lengths = lengths;
        this.revisions = revisions;
        this.previous = previous;
    }
    constructor(){
        this.offsets = new Float64Array(1024);
        this.lengths = new Uint32Array(1024);
        /** The revision of the event at each position, in its stream. */ this.revisions = new Uint32Array(1024);
        /** The position of the previous event of the same stream; 0 for a stream's first event. */ this.previous = new Uint32Array(1024);
        /** Each stream's last position. */ this.streams = new Map();
        this.head = 0;
        /** Position ranges a log repair removed: never handed out again, and held by no event. */ this.lost = [];
    }
};
let RecentEventIds = class RecentEventIds {
    constructor(capacity){
        /** Key → its slot in the ring; the slot's revision and position live in typed arrays, not in an object per id. */ this.entries = new Map();
        this.next = 0;
        const slots = Math.max(1, capacity);
        this.ring = new Array(slots);
        this.revisions = new Uint32Array(slots);
        this.positions = new Float64Array(slots);
    }
    remember(stream, id, revision, position) {
        const key = `${stream}\n${id}`;
        const slot = this.next;
        this.next = (slot + 1) % this.ring.length;
        const evicted = this.ring[slot];
        if (evicted !== undefined && this.entries.get(evicted) === slot) this.entries.delete(evicted);
        this.ring[slot] = key;
        this.revisions[slot] = revision;
        this.positions[slot] = position;
        this.entries.set(key, slot);
    }
    find(stream, id) {
        const slot = this.entries.get(`${stream}\n${id}`);
        return slot === undefined ? undefined : {
            revision: this.revisions[slot],
            position: this.positions[slot]
        };
    }
    /** Forgets the ids of events after `position`: they were queued, and never written. */ forgetAfter(position) {
        for (const [key, slot] of this.entries)if (this.positions[slot] > position) this.entries.delete(key);
    }
};

//# sourceMappingURL=log-index.js.map