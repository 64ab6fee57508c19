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
    get addMinutes () {
        return addMinutes;
    },
    get epochMillisOf () {
        return epochMillisOf;
    },
    get hasReached () {
        return hasReached;
    },
    get toUtcIso () {
        return toUtcIso;
    }
});
const _domainerror = require("../domain-error");
const epochMillisOf = (iso, field = 'time')=>{
    const millis = Date.parse(iso);
    if (Number.isNaN(millis)) {
        throw new _domainerror.DomainError('VALIDATION_FAILED', `${field} is not an ISO 8601 instant`, {
            errors: [
                {
                    field,
                    message: 'must be an ISO 8601 instant'
                }
            ]
        });
    }
    return millis;
};
const hasReached = (now, deadline)=>epochMillisOf(now, 'now') >= epochMillisOf(deadline, 'deadline');
const addMinutes = (iso, minutes)=>new Date(epochMillisOf(iso) + minutes * 60_000).toISOString();
const toUtcIso = (iso, field)=>new Date(epochMillisOf(iso, field)).toISOString();

//# sourceMappingURL=time.js.map