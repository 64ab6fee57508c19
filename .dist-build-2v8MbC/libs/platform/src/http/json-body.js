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
    get FORBIDDEN_JSON_KEYS () {
        return FORBIDDEN_JSON_KEYS;
    },
    get MAX_JSON_DEPTH () {
        return MAX_JSON_DEPTH;
    },
    get isJsonContentType () {
        return isJsonContentType;
    },
    get jsonDepthExceeds () {
        return jsonDepthExceeds;
    },
    get parseJsonBody () {
        return parseJsonBody;
    },
    get requestHasBody () {
        return requestHasBody;
    }
});
const _validation = require("./validation");
const MAX_JSON_DEPTH = 32;
const FORBIDDEN_JSON_KEYS = new Set([
    ...Object.getOwnPropertyNames(Object.prototype),
    'prototype'
]);
const refuse = (field, message)=>new _validation.ValidationFailedException([
        {
            field,
            message
        }
    ]);
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const jsonDepthExceeds = (text, limit)=>{
    let depth = 0;
    let inString = false;
    for(let i = 0; i < text.length; i++){
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === BACKSLASH) i++;
            else if (c === QUOTE) inString = false;
        } else if (c === QUOTE) {
            inString = true;
        } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
            if (++depth > limit) return true;
        } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
            depth--;
        }
    }
    return false;
};
/** String.prototype.isWellFormed (Node 20+; the ES2023 lib this repo compiles against does not declare it). */ const isWellFormed = (text)=>text.isWellFormed();
const pathOf = (parent, key)=>typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;
/** Checks every key and string of a parsed body (already known to be shallow) against the rules. */ const checkValue = (value, field)=>{
    if (typeof value === 'string') {
        if (!isWellFormed(value)) throw refuse(field || '(body)', 'contains a lone UTF-16 surrogate');
        return;
    }
    if (Array.isArray(value)) {
        value.forEach((item, index)=>checkValue(item, pathOf(field, index)));
        return;
    }
    if (typeof value === 'object' && value !== null) {
        for (const key of Object.keys(value)){
            if (!isWellFormed(key)) throw refuse(field || '(body)', 'has a key with a lone UTF-16 surrogate');
            if (FORBIDDEN_JSON_KEYS.has(key)) throw refuse(pathOf(field, key), 'is not allowed');
            checkValue(value[key], pathOf(field, key));
        }
    }
};
const parseJsonBody = (text)=>{
    if (text.trim() === '') return {};
    const first = text.trimStart().charCodeAt(0);
    if (first !== OPEN_BRACE && first !== OPEN_BRACKET) throw refuse('(body)', 'must be a JSON object');
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) throw refuse('(body)', `is nested deeper than ${MAX_JSON_DEPTH} levels`);
    let value;
    try {
        value = JSON.parse(text);
    } catch  {
        throw refuse('(body)', 'is not valid JSON');
    }
    checkValue(value, '');
    return value;
};
const isJsonContentType = (header)=>{
    if (!header) return false;
    const [type, ...params] = header.split(';').map((part)=>part.trim().toLowerCase());
    if (type !== 'application/json') return false;
    return params.every((param)=>!param.startsWith('charset=') || /^charset="?utf-8"?$/.test(param));
};
const requestHasBody = (headers)=>headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;

//# sourceMappingURL=json-body.js.map