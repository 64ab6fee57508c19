/**
 * SeatLocks port: short-lived mutual exclusion over a set of resources, to cut contention on hot
 * seats. Locks are an optimisation, never the safety mechanism: the expected revision of the
 * append is the fencing token (ARCHITECTURE §3).
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
    get LockServiceUnavailableError () {
        return LockServiceUnavailableError;
    },
    get SeatLocks () {
        return SeatLocks;
    },
    get seatLockKey () {
        return seatLockKey;
    }
});
let SeatLocks = class SeatLocks {
};
let LockServiceUnavailableError = class LockServiceUnavailableError extends Error {
    constructor(message){
        super(message);
        this.name = 'LockServiceUnavailableError';
    }
};
const seatLockKey = (showId, seatId)=>`lock:show:${showId}:seat:${seatId}`;

//# sourceMappingURL=seat-locks.port.js.map