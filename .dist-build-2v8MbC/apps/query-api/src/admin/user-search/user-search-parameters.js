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
    get MAX_TEXT_LENGTH () {
        return MAX_TEXT_LENGTH;
    },
    get escapeRegExp () {
        return escapeRegExp;
    },
    get parseFilters () {
        return parseFilters;
    }
});
const _contracts = require("../../../../../libs/contracts/src");
const _positioncursor = require("../../paging/position-cursor");
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
const MAX_TEXT_LENGTH = 100;
// Control characters (C0, DEL, C1) are in no e-mail or display name.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const parseFilters = (query)=>{
    const filters = {};
    if (query.email !== undefined) {
        const email = (0, _contracts.normaliseEmail)(query.email);
        if (email.length === 0 || email.length > _contracts.EMAIL_MAX_LENGTH || CONTROL.test(email)) throw (0, _positioncursor.invalidParameter)('email', `must be an e-mail address of at most ${_contracts.EMAIL_MAX_LENGTH} characters`);
        filters.email = email;
    }
    if (query.q !== undefined) {
        const text = query.q.normalize('NFC').trim().toLowerCase();
        if (text.length === 0 || text.length > MAX_TEXT_LENGTH || CONTROL.test(text)) throw (0, _positioncursor.invalidParameter)('q', `must be 1 to ${MAX_TEXT_LENGTH} printable characters`);
        filters.text = text;
    }
    if (query.role !== undefined) {
        if (!_contracts.ROLES.includes(query.role)) throw (0, _positioncursor.invalidParameter)('role', `must be one of ${_contracts.ROLES.join(', ')}`);
        filters.role = query.role;
    }
    return filters;
};
const escapeRegExp = (text)=>text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

//# sourceMappingURL=user-search-parameters.js.map