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
    get checkpointName () {
        return checkpointName;
    },
    get collectionName () {
        return collectionName;
    },
    get filterOf () {
        return filterOf;
    }
});
const collectionName = (projection, logical, suffix = '')=>`${logical}_v${projection.version}${suffix}`;
const checkpointName = (projection, suffix = '')=>`${projection.name}_v${projection.version}${suffix}`;
const filterOf = (projections)=>({
        eventTypes: [
            ...new Set(projections.flatMap((projection)=>projection.eventTypes))
        ]
    });

//# sourceMappingURL=read-model.js.map