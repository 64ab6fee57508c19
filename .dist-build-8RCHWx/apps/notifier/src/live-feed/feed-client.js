"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "FeedClient", {
    enumerable: true,
    get: function() {
        return FeedClient;
    }
});
let FeedClient = class FeedClient {
    constructor(stream, viewer, filter, maxBufferBytes, cut, after){
        this.stream = stream;
        this.viewer = viewer;
        this.filter = filter;
        this.maxBufferBytes = maxBufferBytes;
        this.cut = cut;
        this.queuedBytes = 0;
        this.lastSent = after;
    }
    get closed() {
        return this.stream.closed;
    }
    /** Bytes waiting to reach the client: queued during a replay, plus the socket's own buffer. */ get pendingBytes() {
        return this.queuedBytes + this.stream.pendingBytes;
    }
    /** The event types this client can receive at all: what its replay reads of the log. */ replayTypes(types) {
        // Fans never see show events (fan-view.ts); seat, booking and ticket events may be theirs.
        return types.filter((type)=>this.filter.acceptsType(type) && (this.viewer.staff || !type.startsWith('show.')));
    }
    /** This client's message for the entry, or undefined when it may not or does not want to see it. */ frameFor(entry) {
        if (!this.filter.accepts(entry.type, entry.showId)) return undefined;
        if (this.viewer.staff) return entry.staffFrame;
        return entry.ownerFrames?.get(this.viewer.userId) ?? entry.everyFanFrame;
    }
    /** From now until `goLive`, live entries wait in the queue (the replay writes directly). */ startReplay() {
        this.queue = [];
    }
    /** Writes one replayed message; false when the socket's buffer is full (wait for drain). */ writeReplayed(entry, frame) {
        if (entry.position <= this.lastSent) return true;
        this.lastSent = entry.position;
        return this.stream.write(frame);
    }
    /** Sends what queued up during the replay, then takes live entries directly. */ goLive() {
        const queued = this.queue ?? [];
        this.queue = undefined;
        this.queuedBytes = 0;
        return this.sendFrames(queued);
    }
    /** Live entries of one batch, in position order. Returns how many messages were sent. */ deliver(batch) {
        if (this.closed) return 0;
        const { entries } = batch;
        if (this.queue) {
            for (const entry of entries){
                const frame = this.frameFor(entry);
                if (!frame) continue;
                this.queue.push({
                    position: entry.position,
                    frame
                });
                this.queuedBytes += frame.length;
            }
            if (this.pendingBytes > this.maxBufferBytes) this.cut(this, 'slow');
            return 0;
        }
        // The common case: the batch's shared buffer, one write.
        if (this.filter.everything && this.lastSent < batch.first) {
            if (this.viewer.staff) return this.sendShared(batch.staffFrames, entries.length, batch.last);
            if (!batch.owners.has(this.viewer.userId)) {
                const { frames, count } = batch.everyFanFrames;
                return this.sendShared(frames, count, batch.last);
            }
        }
        const frames = [];
        for (const entry of entries){
            const frame = this.frameFor(entry);
            if (frame) frames.push({
                position: entry.position,
                frame
            });
        }
        return this.sendFrames(frames);
    }
    sendShared(frames, count, last) {
        this.lastSent = last;
        if (count === 0) return 0;
        this.stream.write(frames);
        if (this.pendingBytes > this.maxBufferBytes) this.cut(this, 'slow');
        return count;
    }
    sendFrames(frames) {
        if (frames.length === 0 || this.closed) return 0;
        let sent = 0;
        // One write to the socket for the whole batch.
        this.stream.writeTogether(()=>{
            for (const { position, frame } of frames){
                if (position <= this.lastSent) continue;
                this.lastSent = position;
                this.stream.write(frame);
                sent += 1;
            }
        });
        if (this.pendingBytes > this.maxBufferBytes) this.cut(this, 'slow');
        return sent;
    }
};

//# sourceMappingURL=feed-client.js.map