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
    get seedFromFilter () {
        return seedFromFilter;
    },
    get setPath () {
        return setPath;
    },
    get valuesAt () {
        return valuesAt;
    }
});
const _documentcopy = require("./document-copy");
const seedFromFilter = (filter)=>{
    const seed = {};
    collectEqualities(filter, seed);
    return seed;
};
const isOperatorObject = (value)=>typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0 && Object.keys(value).every((key)=>key.startsWith('$'));
const collectEqualities = (filter, seed)=>{
    for (const [key, value] of Object.entries(filter)){
        if (key === '$and' && Array.isArray(value)) {
            for (const clause of value)collectEqualities(clause, seed);
            continue;
        }
        if (key.startsWith('$')) continue;
        if (isOperatorObject(value)) {
            if ('$eq' in value) setPath(seed, key, (0, _documentcopy.copyValue)(value.$eq));
            continue;
        }
        setPath(seed, key, (0, _documentcopy.copyValue)(value));
    }
};
const setPath = (target, path, value)=>{
    const parts = path.split('.');
    let node = target;
    for (const part of parts.slice(0, -1)){
        const next = node[part];
        if (typeof next !== 'object' || next === null) node[part] = {};
        node = node[part];
    }
    node[parts[parts.length - 1]] = value;
};
const valuesAt = (document, paths)=>paths.map((path)=>{
        let node = document;
        for (const part of path.split('.')){
            if (typeof node !== 'object' || node === null) return null;
            node = node[part];
        }
        return node === undefined ? null : node;
    });

//# sourceMappingURL=upsert-seed.js.map