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
    get DEFAULT_LIMIT () {
        return DEFAULT_LIMIT;
    },
    get MAX_LIMIT () {
        return MAX_LIMIT;
    },
    get decodeCursor () {
        return decodeCursor;
    },
    get encodeCursor () {
        return encodeCursor;
    },
    get parseLimit () {
        return parseLimit;
    }
});
const _domain = require("../../../../../libs/domain/src");
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
const invalid = (field, message)=>new _domain.DomainError('VALIDATION_FAILED', `${field} ${message}`, {
        errors: [
            {
                field,
                message
            }
        ]
    });
const parseLimit = (value)=>{
    if (value === undefined) return DEFAULT_LIMIT;
    const limit = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
    if (!(limit >= 1 && limit <= MAX_LIMIT)) throw invalid('limit', `must be a whole number from 1 to ${MAX_LIMIT}`);
    return limit;
};
const encodeCursor = (cursor)=>Buffer.from(JSON.stringify([
        cursor.startsAt,
        cursor.id
    ])).toString('base64url');
const decodeCursor = (value)=>{
    try {
        const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
        if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((part)=>typeof part === 'string')) {
            return {
                startsAt: parsed[0],
                id: parsed[1]
            };
        }
    } catch  {
    // falls through to the refusal
    }
    throw invalid('cursor', 'is not a cursor this API gave out');
};

//# sourceMappingURL=catalogue-cursor.js.map