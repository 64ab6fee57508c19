"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "InProcessSeatLocks", {
    enumerable: true,
    get: function() {
        return InProcessSeatLocks;
    }
});
const _clock = require("../time/clock");
const _lockrequest = require("./lock-request");
const _seatlocksport = require("./seat-locks.port");
let InProcessSeatLocks = class InProcessSeatLocks extends _seatlocksport.SeatLocks {
    constructor(clock = new _clock.SystemClock()){
        super(), this.clock = clock, this.table = new Map(), /** Tokens never leave the process, so a counter tells every holder apart. */ this.lastToken = 0;
    }
    async acquire(resources, ttlMs) {
        const sorted = (0, _lockrequest.normaliseLockRequest)(resources, ttlMs);
        const now = this.clock.now().getTime();
        const heldByAnother = sorted.filter((resource)=>this.isHeld(resource, now));
        if (heldByAnother.length > 0) return {
            acquired: false,
            heldByAnother
        };
        // Nothing awaits between the check above and the writes below, so the set is taken
        // all-or-nothing even with many concurrent callers on the event loop.
        const token = String(++this.lastToken);
        const expiresAt = now + ttlMs;
        for (const resource of sorted)this.table.set(resource, {
            token,
            expiresAt
        });
        return {
            acquired: true,
            lock: this.heldLock(sorted, token, expiresAt)
        };
    }
    async ping() {}
    async close() {
        this.table.clear();
    }
    isHeld(resource, now) {
        const entry = this.table.get(resource);
        if (!entry) return false;
        if (entry.expiresAt > now) return true;
        this.table.delete(resource);
        return false;
    }
    heldLock(resources, token, validUntil) {
        const table = this.table;
        return {
            resources,
            validUntil,
            async release () {
                // The token tells our entry from a later holder's: after our lock expired the seat may
                // already belong to someone else, whose lock we must leave alone.
                for (const resource of resources){
                    if (table.get(resource)?.token === token) table.delete(resource);
                }
            }
        };
    }
};

//# sourceMappingURL=in-process-seat-locks.js.map