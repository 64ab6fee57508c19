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
    get INCIDENTS () {
        return INCIDENTS;
    },
    get incidentsDescriptor () {
        return incidentsDescriptor;
    }
});
const _contracts = require("../../contracts/src");
const INCIDENTS = 'incidents';
const incidentsDescriptor = {
    name: 'incidents',
    version: 1,
    collections: [
        INCIDENTS
    ],
    eventTypes: _contracts.INCIDENT_EVENT_TYPES,
    // Newest first, alone (recent, the unfiltered list) and per reporter; the staff filters narrow a
    // newest-first walk of the first.
    indexes: {
        [INCIDENTS]: [
            {
                reportedPosition: -1
            },
            {
                reporterId: 1,
                reportedPosition: -1
            }
        ]
    }
};

//# sourceMappingURL=incidents.read-model.js.map