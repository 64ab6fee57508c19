/**
 * `$set` and `$unset` of plain field paths (`bookings.b-17`), applied without mingo. The
 * projector patches per-user lists with exactly these, thousands of times per batch, and
 * mingo's updater builds its operator context, path validator and query set-up on every call.
 * Anything else (other operators, positional or `$`-prefixed parts, conflicting paths, values
 * that are not plain data, a path through an array or a non-object) is left to mingo:
 * `planFieldUpdate` and `canApplyFieldUpdate` say no, and nothing has been changed yet. Where
 * they say yes the result, including "modified", is what mingo's `update` gives.
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
    get applyFieldUpdate () {
        return applyFieldUpdate;
    },
    get canApplyFieldUpdate () {
        return canApplyFieldUpdate;
    },
    get planFieldUpdate () {
        return planFieldUpdate;
    }
});
const isPlainObject = (value)=>{
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
};
const NOT_PLAIN = Symbol('not plain data');
/**
 * A copy of JSON-shaped data (what `sameData` compares exactly as mingo's isEqual does), or
 * NOT_PLAIN: checking and copying in one walk.
 */ const copyPlainData = (value)=>{
    if (typeof value !== 'object' || value === null) {
        return typeof value === 'function' || typeof value === 'symbol' ? NOT_PLAIN : value;
    }
    if (Array.isArray(value)) {
        const copied = new Array(value.length);
        for(let i = 0; i < value.length; i++){
            const item = copyPlainData(value[i]);
            if (item === NOT_PLAIN) return NOT_PLAIN;
            copied[i] = item;
        }
        return copied;
    }
    if (Object.getPrototypeOf(value) !== Object.prototype) return NOT_PLAIN;
    const copied = {};
    const source = value;
    for(const key in source){
        const field = copyPlainData(source[key]);
        if (field === NOT_PLAIN || key === '__proto__') return NOT_PLAIN;
        copied[key] = field;
    }
    return copied;
};
/**
 * mingo's isEqual (which decides "modified") for a stored value against plain data: key order
 * does not matter, NaN equals NaN, an object equals only an object of the same constructor.
 */ const sameData = (stored, value)=>{
    if (stored === value || Object.is(stored, value)) return true;
    if (typeof stored !== 'object' || typeof value !== 'object' || stored === null || value === null) return false;
    if (stored.constructor !== value.constructor) return false;
    if (Array.isArray(value)) {
        const list = stored;
        return list.length === value.length && value.every((item, i)=>sameData(list[i], item));
    }
    const a = stored;
    const b = value;
    const keys = Object.keys(b);
    if (Object.keys(a).length !== keys.length) return false;
    return keys.every((key)=>Object.prototype.hasOwnProperty.call(a, key) && sameData(a[key], b[key]));
};
const isForbiddenPart = (part)=>part === '' || part === '__proto__' || part === 'constructor' || part === 'prototype';
const planFieldUpdate = (modifier)=>{
    const changes = [];
    // Paths and their prefixes seen so far: `a` with `a.b` is a conflict, which mingo reports.
    const paths = new Set();
    const prefixes = new Set();
    for(const operator in modifier){
        if (operator !== '$set' && operator !== '$unset') return null;
        const fields = modifier[operator];
        if (!isPlainObject(fields)) return null;
        for(const path in fields){
            // `$` anywhere: positional parts (`$`, `$[]`, `$[id]`) and `$`-prefixed names.
            if (path.includes('$') || paths.has(path) || prefixes.has(path)) return null;
            const parts = [];
            let start = 0;
            for(let dot = path.indexOf('.'); dot !== -1; dot = path.indexOf('.', start)){
                const part = path.slice(start, dot);
                if (isForbiddenPart(part)) return null;
                parts.push(part);
                const prefix = path.slice(0, dot);
                if (paths.has(prefix)) return null;
                prefixes.add(prefix);
                start = dot + 1;
            }
            const last = start === 0 ? path : path.slice(start);
            if (isForbiddenPart(last)) return null;
            parts.push(last);
            let value = fields[path];
            if (operator === '$set') {
                value = copyPlainData(value);
                if (value === NOT_PLAIN) return null;
            }
            paths.add(path);
            changes.push({
                operator,
                parts,
                value
            });
        }
    }
    return changes;
};
const canApplyFieldUpdate = (document, plan)=>{
    for (const { parts } of plan){
        let node = document;
        for(let i = 0; i < parts.length - 1; i++){
            const next = node[parts[i]];
            if (next === undefined) break;
            if (!isPlainObject(next)) return false;
            node = next;
        }
    }
    return true;
};
const applyFieldUpdate = (document, plan)=>{
    let modified = false;
    for (const { operator, parts, value } of plan){
        let node = document;
        const last = parts.length - 1;
        for(let i = 0; i < last && node; i++){
            let next = node[parts[i]];
            // Like mingo (buildGraph), $set makes the missing objects on its way; $unset stops there.
            if (next === undefined && operator === '$set') node[parts[i]] = next = {};
            node = next;
        }
        if (!node) continue;
        const key = parts[last];
        if (operator === '$set') {
            if (sameData(node[key], value)) continue;
            node[key] = value;
            modified = true;
        } else if (Object.prototype.hasOwnProperty.call(node, key)) {
            const previous = node[key];
            delete node[key];
            // mingo counts unsetting a field that held `undefined` as no change.
            if (previous !== undefined) modified = true;
        }
    }
    return modified;
};

//# sourceMappingURL=field-update.js.map