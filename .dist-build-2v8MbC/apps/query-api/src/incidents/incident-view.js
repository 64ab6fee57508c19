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
    get NEWEST_FIRST () {
        return NEWEST_FIRST;
    },
    get WITHOUT_HISTORY () {
        return WITHOUT_HISTORY;
    },
    get incidentSummaryOf () {
        return incidentSummaryOf;
    },
    get incidentViewOf () {
        return incidentViewOf;
    },
    get incidentsIn () {
        return incidentsIn;
    }
});
const _readmodels = require("../../../../libs/read-models/src");
const incidentsIn = (reads)=>reads.collection((0, _readmodels.collectionName)(_readmodels.incidentsDescriptor, _readmodels.INCIDENTS));
const WITHOUT_HISTORY = {
    history: 0
};
const NEWEST_FIRST = {
    reportedPosition: -1
};
const incidentSummaryOf = (doc)=>({
        incidentId: doc.incidentId,
        title: doc.title,
        description: doc.description,
        location: doc.location,
        category: doc.category,
        urgency: doc.urgency,
        impact: doc.impact,
        priority: doc.priority,
        severity: doc.severity,
        status: doc.status,
        source: doc.source,
        ...doc.venueId === undefined ? {} : {
            venueId: doc.venueId
        },
        ...doc.deviceId === undefined ? {} : {
            deviceId: doc.deviceId
        },
        ...doc.ruleId === undefined ? {} : {
            ruleId: doc.ruleId
        },
        reporterId: doc.reporterId,
        assigneeId: doc.assigneeId,
        createdAt: doc.createdAt,
        acknowledgedAt: doc.acknowledgedAt,
        resolvedAt: doc.resolvedAt,
        deadlines: doc.deadlines,
        breached: doc.breached
    });
const incidentViewOf = (doc)=>({
        ...incidentSummaryOf(doc),
        history: doc.history
    });

//# sourceMappingURL=incident-view.js.map