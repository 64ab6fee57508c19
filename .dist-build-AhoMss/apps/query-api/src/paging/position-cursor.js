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
    get decodePositionCursor () {
        return decodePositionCursor;
    },
    get encodePositionCursor () {
        return encodePositionCursor;
    },
    get invalidParameter () {
        return invalidParameter;
    },
    get parseLimit () {
        return parseLimit;
    }
});
const _domain = require("../../../../libs/domain/src");
const invalidParameter = (field, message)=>new _domain.DomainError('VALIDATION_FAILED', `${field} ${message}`, {
        errors: [
            {
                field,
                message
            }
        ]
    });
const parseLimit = (value, { fallback, max })=>{
    if (value === undefined) return fallback;
    const limit = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
    if (!(limit >= 1 && limit <= max)) throw invalidParameter('limit', `must be a whole number from 1 to ${max}`);
    return limit;
};
const encodePositionCursor = (position)=>Buffer.from(JSON.stringify([
        position
    ])).toString('base64url');
const decodePositionCursor = (value)=>{
    try {
        const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
        if (Array.isArray(parsed) && parsed.length === 1 && Number.isSafeInteger(parsed[0]) && parsed[0] >= 0) return parsed[0];
    } catch  {
    // falls through to the refusal
    }
    throw invalidParameter('cursor', 'is not a cursor this API gave out');
};

//# sourceMappingURL=position-cursor.js.map