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
    get evolveIncident () {
        return evolveIncident;
    },
    get incidentsProjection () {
        return incidentsProjection;
    }
});
const _readmodels = require("../../../../libs/read-models/src");
const entry = (at, actorId, change, note = null)=>({
        at,
        actorId,
        change,
        note
    });
const withHistory = (doc, line, changes = {})=>({
        ...doc,
        ...changes,
        history: [
            ...doc.history,
            line
        ]
    });
const evolveIncident = (doc, event, position)=>{
    if (event.type === 'incident.reported.v1') {
        const d = event.data;
        return {
            _id: d.incidentId,
            incidentId: d.incidentId,
            title: d.title,
            description: d.description,
            location: d.location,
            category: d.category,
            urgency: d.urgency,
            impact: d.impact,
            priority: d.priority,
            severity: d.severity,
            status: 'new',
            source: d.source,
            ...d.venueId === undefined ? {} : {
                venueId: d.venueId
            },
            ...d.deviceId === undefined ? {} : {
                deviceId: d.deviceId
            },
            ...d.ruleId === undefined ? {} : {
                ruleId: d.ruleId
            },
            reporterId: d.reporterId,
            assigneeId: null,
            createdAt: d.reportedAt,
            acknowledgedAt: null,
            resolvedAt: null,
            deadlines: d.deadlines,
            breached: [],
            reportedPosition: position,
            history: [
                entry(d.reportedAt, d.reporterId, 'reported')
            ]
        };
    }
    if (!doc) return null;
    switch(event.type){
        case 'incident.status_changed.v1':
            {
                const { from, to, at, by, reason, deadlines } = event.data;
                const acknowledgedAt = doc.acknowledgedAt ?? (to === 'acknowledged' ? at : null);
                const resolvedAt = to === 'resolved' ? at : to === 'in_progress' && (from === 'resolved' || from === 'closed') ? null : doc.resolvedAt;
                const change = `status ${from} → ${to}${reason === 'device_cleared' ? ' (device rule cleared)' : ''}`;
                return withHistory(doc, entry(at, by, change), {
                    status: to,
                    acknowledgedAt,
                    resolvedAt,
                    deadlines
                });
            }
        case 'incident.reprioritized.v1':
            {
                const { impact, from, to, at, by, deadlines } = event.data;
                return withHistory(doc, entry(at, by, `impact ${doc.impact} → ${impact} (${from} → ${to})`), {
                    impact,
                    priority: to,
                    deadlines
                });
            }
        case 'incident.severity_set.v1':
            {
                const { from, to, at, by } = event.data;
                return withHistory(doc, entry(at, by, `severity ${from} → ${to}`), {
                    severity: to
                });
            }
        case 'incident.assigned.v1':
            {
                const { assigneeId, at, by } = event.data;
                return withHistory(doc, entry(at, by, assigneeId === null ? 'unassigned' : `assigned ${assigneeId}`), {
                    assigneeId
                });
            }
        case 'incident.note_added.v1':
            return withHistory(doc, entry(event.data.at, event.data.by, 'note', event.data.note));
        case 'incident.sla_breached.v1':
            {
                const { kind, deadline, detectedAt } = event.data;
                if (doc.breached.some((breach)=>breach.kind === kind)) return doc;
                return withHistory(doc, entry(detectedAt, 'system:sla', `sla_breached ${kind}`), {
                    breached: [
                        ...doc.breached,
                        {
                            kind,
                            deadline,
                            detectedAt
                        }
                    ]
                });
            }
        default:
            {
                const _exhaustive = event;
                return doc;
            }
    }
};
const incidentsProjection = {
    ..._readmodels.incidentsDescriptor,
    async apply (event, docs) {
        const domainEvent = {
            type: event.type,
            data: event.data
        };
        await docs.evolve(_readmodels.INCIDENTS, domainEvent.data.incidentId, event, (doc)=>evolveIncident(doc, domainEvent, event.position));
    }
};

//# sourceMappingURL=incidents.projection.js.map