/**
 * Copies and freezing of stored documents. Read-model documents are JSON-shaped (plain objects,
 * arrays, strings, numbers), which a plain recursive copy handles several times faster than
 * `structuredClone` (a serialise-and-parse round trip per call); anything else inside a
 * document (a Date, a Map, a class instance) still goes through `structuredClone`, so the copy
 * is the same either way. A frozen document is one the store shares with a caller (handed over
 * to it, or handed out read-only): the store never changes it in place.
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
    get copyValue () {
        return copyValue;
    },
    get freezeDocument () {
        return freezeDocument;
    }
});
const copyValue = (value)=>{
    if (typeof value !== 'object' || value === null) {
        // structuredClone refuses functions and symbols: so must a store that can only keep data.
        return typeof value === 'function' || typeof value === 'symbol' ? structuredClone(value) : value;
    }
    if (Array.isArray(value)) {
        const copied = new Array(value.length);
        for(let i = 0; i < value.length; i++)copied[i] = copyValue(value[i]);
        return copied;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return structuredClone(value);
    const copied = {};
    const source = value;
    for(const key in source){
        // An own `__proto__` key (JSON.parse makes them) must stay a field, not become the prototype.
        if (key === '__proto__') Object.defineProperty(copied, key, {
            value: copyValue(source[key]),
            enumerable: true,
            writable: true,
            configurable: true
        });
        else copied[key] = copyValue(source[key]);
    }
    return copied;
};
const freezeDocument = (value)=>{
    if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
    if (Array.isArray(value)) {
        Object.freeze(value);
        for(let i = 0; i < value.length; i++)freezeDocument(value[i]);
        return value;
    }
    const proto = Object.getPrototypeOf(value);
    // Dates, Maps and typed arrays keep their state in internal slots that freezing cannot reach.
    if (proto !== Object.prototype && proto !== null) return value;
    Object.freeze(value);
    const fields = value;
    for(const key in fields)freezeDocument(fields[key]);
    return value;
};

//# sourceMappingURL=document-copy.js.map