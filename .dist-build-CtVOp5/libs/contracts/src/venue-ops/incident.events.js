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
    get INCIDENT_CATEGORIES () {
        return INCIDENT_CATEGORIES;
    },
    get INCIDENT_EVENT_TYPES () {
        return INCIDENT_EVENT_TYPES;
    },
    get INCIDENT_IMPACTS () {
        return INCIDENT_IMPACTS;
    },
    get INCIDENT_PRIORITIES () {
        return INCIDENT_PRIORITIES;
    },
    get INCIDENT_SEVERITIES () {
        return INCIDENT_SEVERITIES;
    },
    get INCIDENT_STATUSES () {
        return INCIDENT_STATUSES;
    },
    get INCIDENT_STREAM_PREFIX () {
        return INCIDENT_STREAM_PREFIX;
    },
    get INCIDENT_URGENCIES () {
        return INCIDENT_URGENCIES;
    },
    get incidentStream () {
        return incidentStream;
    }
});
const INCIDENT_STATUSES = [
    'new',
    'acknowledged',
    'in_progress',
    'pending',
    'resolved',
    'closed'
];
const INCIDENT_SEVERITIES = [
    'critical',
    'high',
    'medium',
    'low'
];
const INCIDENT_URGENCIES = [
    'low',
    'medium',
    'high'
];
const INCIDENT_IMPACTS = [
    'low',
    'medium',
    'high'
];
const INCIDENT_PRIORITIES = [
    'P1',
    'P2',
    'P3',
    'P4'
];
const INCIDENT_CATEGORIES = [
    'seat',
    'facility',
    'safety',
    'cleaning',
    'other'
];
const INCIDENT_EVENT_TYPES = [
    'incident.reported.v1',
    'incident.status_changed.v1',
    'incident.reprioritized.v1',
    'incident.severity_set.v1',
    'incident.assigned.v1',
    'incident.note_added.v1',
    'incident.sla_breached.v1'
];
// A type added to the union but forgotten in the list fails to compile here.
const listIsComplete = true;
void listIsComplete;
const incidentStream = (incidentId)=>`incident-${incidentId}`;
const INCIDENT_STREAM_PREFIX = 'incident-';

//# sourceMappingURL=incident.events.js.map