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
    get parseFilters () {
        return parseFilters;
    }
});
const _contracts = require("../../../../../libs/contracts/src");
const _positioncursor = require("../../paging/position-cursor");
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
const oneOf = (field, value, allowed)=>{
    if (value === undefined) return undefined;
    if (!allowed.includes(value)) throw (0, _positioncursor.invalidParameter)(field, `must be one of ${allowed.join(', ')}`);
    return value;
};
const parseFilters = (query)=>{
    const { venueId, assigneeId } = query;
    if (venueId !== undefined && !_contracts.ENTITY_ID_PATTERN.test(venueId)) throw (0, _positioncursor.invalidParameter)('venueId', 'is not a valid id');
    if (assigneeId !== undefined && assigneeId !== 'none' && !_contracts.ENTITY_ID_PATTERN.test(assigneeId)) throw (0, _positioncursor.invalidParameter)('assigneeId', 'is not a valid id (or none)');
    return {
        ...query.status === undefined ? {} : {
            status: oneOf('status', query.status, _contracts.INCIDENT_STATUSES)
        },
        ...query.severity === undefined ? {} : {
            severity: oneOf('severity', query.severity, _contracts.INCIDENT_SEVERITIES)
        },
        ...query.priority === undefined ? {} : {
            priority: oneOf('priority', query.priority, _contracts.INCIDENT_PRIORITIES)
        },
        ...query.category === undefined ? {} : {
            category: oneOf('category', query.category, _contracts.INCIDENT_CATEGORIES)
        },
        ...query.source === undefined ? {} : {
            source: oneOf('source', query.source, [
                'report',
                'device'
            ])
        },
        ...venueId === undefined ? {} : {
            venueId
        },
        ...assigneeId === undefined ? {} : {
            assigneeId: assigneeId === 'none' ? null : assigneeId
        }
    };
};

//# sourceMappingURL=incident-list-parameters.js.map