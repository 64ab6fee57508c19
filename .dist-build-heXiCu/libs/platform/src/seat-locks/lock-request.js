/**
 * Shared by both adapters: the resource set is normalised the same way everywhere, so two
 * callers asking for the same seats in a different order contend on the same sorted set.
 */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "normaliseLockRequest", {
    enumerable: true,
    get: function() {
        return normaliseLockRequest;
    }
});
const normaliseLockRequest = (resources, ttlMs)=>{
    if (resources.length === 0) throw new RangeError('a seat lock needs at least one resource');
    if (resources.some((resource)=>typeof resource !== 'string' || resource.length === 0)) {
        throw new RangeError('a seat lock resource must be a non-empty string');
    }
    if (!Number.isInteger(ttlMs) || ttlMs <= 0) {
        throw new RangeError(`a seat lock TTL must be a positive whole number of milliseconds, got ${ttlMs}`);
    }
    return [
        ...new Set(resources)
    ].sort();
};

//# sourceMappingURL=lock-request.js.map