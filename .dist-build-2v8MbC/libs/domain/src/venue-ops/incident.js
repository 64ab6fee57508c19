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
    get TRANSITIONS () {
        return TRANSITIONS;
    },
    get decide () {
        return decide;
    },
    get evolve () {
        return evolve;
    },
    get incidentDecider () {
        return incidentDecider;
    },
    get initialState () {
        return initialState;
    },
    get isOpen () {
        return isOpen;
    },
    get isOpened () {
        return isOpened;
    }
});
const _time = require("../box-office/time");
const _domainerror = require("../domain-error");
const _priority = require("./priority");
const initialState = {
    status: 'none'
};
const isOpened = (state)=>state.status !== 'none';
const TRANSITIONS = {
    new: [
        'acknowledged'
    ],
    acknowledged: [
        'in_progress'
    ],
    in_progress: [
        'pending',
        'resolved'
    ],
    pending: [
        'in_progress',
        'resolved'
    ],
    resolved: [
        'closed',
        'in_progress'
    ],
    closed: [
        'in_progress'
    ]
};
const OPEN = new Set([
    'new',
    'acknowledged',
    'in_progress',
    'pending'
]);
const isOpen = (status)=>OPEN.has(status);
/**
 * `pending` waits on someone outside (a supplier, the reporter), so the resolve clock pauses
 * there, as ITIL's "on hold" does: leaving `pending` moves the resolve deadline on by the time
 * spent in it. A deadline already missed when the incident went pending stays missed.
 */ const deadlinesAfterPending = (state, now)=>{
    const { pendingSince, deadlines } = state;
    if (state.status !== 'pending' || pendingSince === undefined) return deadlines;
    const since = (0, _time.epochMillisOf)(pendingSince);
    const resolveBy = (0, _time.epochMillisOf)(deadlines.resolveBy);
    if (since >= resolveBy) return deadlines;
    return {
        ...deadlines,
        resolveBy: new Date(resolveBy + Math.max(0, (0, _time.epochMillisOf)(now, 'now') - since)).toISOString()
    };
};
const evolve = (state, event)=>{
    if (event.type === 'incident.reported.v1') {
        const { incidentId, source, reporterId, urgency, impact, priority, severity, reportedAt, deadlines, deviceId, venueId } = event.data;
        return {
            status: 'new',
            incidentId,
            source,
            reporterId,
            urgency,
            impact,
            priority,
            severity,
            reportedAt,
            deadlines,
            assigneeId: null,
            ...deviceId === undefined ? {} : {
                deviceId
            },
            ...venueId === undefined ? {} : {
                venueId
            },
            breached: [],
            pausedMs: 0
        };
    }
    if (!isOpened(state)) return state;
    switch(event.type){
        case 'incident.status_changed.v1':
            {
                const { from, to, at } = event.data;
                const next = {
                    ...state,
                    status: to,
                    deadlines: event.data.deadlines
                };
                if (from === 'new' && next.respondedAt === undefined) next.respondedAt = at;
                if (to === 'resolved') next.resolvedAt = at;
                else if (to === 'in_progress' && !isOpen(from)) delete next.resolvedAt;
                if (to === 'pending') next.pendingSince = at;
                if (from === 'pending') {
                    delete next.pendingSince;
                    // The event says how far the pause moved the deadline.
                    next.pausedMs += Date.parse(event.data.deadlines.resolveBy) - Date.parse(state.deadlines.resolveBy);
                }
                return next;
            }
        case 'incident.reprioritized.v1':
            return {
                ...state,
                impact: event.data.impact,
                priority: event.data.to,
                deadlines: event.data.deadlines
            };
        case 'incident.severity_set.v1':
            return {
                ...state,
                severity: event.data.to
            };
        case 'incident.assigned.v1':
            return {
                ...state,
                assigneeId: event.data.assigneeId
            };
        case 'incident.note_added.v1':
            return state;
        case 'incident.sla_breached.v1':
            return state.breached.includes(event.data.kind) ? state : {
                ...state,
                breached: [
                    ...state.breached,
                    event.data.kind
                ]
            };
        default:
            {
                const _exhaustive = event;
                return state;
            }
    }
};
/** The device and venue of a device incident, for the events that name them; nothing for a report. */ const deviceOf = ({ deviceId, venueId })=>({
        ...deviceId === undefined ? {} : {
            deviceId
        },
        ...venueId === undefined ? {} : {
            venueId
        }
    });
const notFound = (incidentId)=>new _domainerror.DomainError('INCIDENT_NOT_FOUND', `incident ${incidentId} does not exist`, {
        incidentId
    });
const invalidTransition = (from, to)=>new _domainerror.DomainError('INVALID_TRANSITION', `an incident that is ${from} cannot move to ${to}`, {
        from,
        to,
        allowed: TRANSITIONS[from]
    });
const decide = (command, state)=>{
    switch(command.type){
        case 'ReportIncident':
            {
                if (isOpened(state)) {
                    throw new _domainerror.DomainError('INCIDENT_EXISTS', `incident ${command.data.incidentId} was already reported`, {
                        incidentId: command.data.incidentId
                    });
                }
                const { now, sla } = command.metadata;
                const impact = _priority.DEFAULT_IMPACT;
                const priority = (0, _priority.priorityOf)(command.data.urgency, impact);
                return [
                    {
                        type: 'incident.reported.v1',
                        data: {
                            ...command.data,
                            source: 'report',
                            impact,
                            priority,
                            severity: (0, _priority.severityOfUrgency)(command.data.urgency),
                            reportedAt: now,
                            deadlines: (0, _priority.deadlinesFor)(priority, now, sla)
                        }
                    }
                ];
            }
        case 'RaiseFromDevice':
            {
                // The rule engine chose the id for this raise: a redelivered raise finds it reported already.
                if (isOpened(state)) return [];
                const { incidentId, deviceId, venueId, deviceType, ruleId, severity, raisedAt, reading } = command.data;
                const { urgency, impact } = (0, _priority.urgencyAndImpactOfSeverity)(severity);
                const priority = (0, _priority.priorityOf)(urgency, impact);
                return [
                    {
                        type: 'incident.reported.v1',
                        data: {
                            incidentId,
                            source: 'device',
                            title: `${ruleId}: ${deviceType} ${deviceId}`,
                            description: `Device rule ${ruleId} raised ${severity} on ${deviceType} ${deviceId} at venue ${venueId}.`,
                            location: {},
                            category: 'facility',
                            urgency,
                            impact,
                            priority,
                            severity,
                            reporterId: `device:${deviceId}`,
                            venueId,
                            deviceId,
                            deviceType,
                            ruleId,
                            reading,
                            reportedAt: raisedAt,
                            deadlines: (0, _priority.deadlinesFor)(priority, raisedAt, command.metadata.sla)
                        }
                    }
                ];
            }
        case 'UpdateIncident':
            return decideUpdate(command, state);
        case 'ResolveFromDevice':
            {
                const { incidentId, deviceId, clearedAt } = command.data;
                if (!isOpened(state)) throw notFound(incidentId);
                // Staff resolved (or closed) it first, or this clear was handled already.
                if (!isOpen(state.status)) return [];
                (0, _time.epochMillisOf)(clearedAt, 'clearedAt');
                return [
                    {
                        type: 'incident.status_changed.v1',
                        data: {
                            incidentId,
                            reporterId: state.reporterId,
                            from: state.status,
                            to: 'resolved',
                            at: clearedAt,
                            by: `device:${deviceId}`,
                            reason: 'device_cleared',
                            deadlines: deadlinesAfterPending(state, clearedAt),
                            severity: state.severity,
                            ...deviceOf(state)
                        }
                    }
                ];
            }
        case 'RecordSlaBreach':
            {
                const { incidentId, kind } = command.data;
                if (!isOpened(state)) throw notFound(incidentId);
                const { venueId } = state;
                if (state.breached.includes(kind)) return [];
                const deadline = kind === 'acknowledge' ? state.deadlines.acknowledgeBy : state.deadlines.resolveBy;
                const now = command.metadata.now;
                if ((0, _time.epochMillisOf)(now, 'now') < (0, _time.epochMillisOf)(deadline, 'deadline')) return [];
                // Met in time: the clock stopped before the deadline (a late answer is still a breach).
                const stoppedAt = kind === 'acknowledge' ? state.respondedAt : state.status === 'pending' ? state.pendingSince : isOpen(state.status) ? undefined : state.resolvedAt;
                if (stoppedAt !== undefined && (0, _time.epochMillisOf)(stoppedAt) <= (0, _time.epochMillisOf)(deadline)) return [];
                return [
                    {
                        type: 'incident.sla_breached.v1',
                        data: {
                            incidentId,
                            reporterId: state.reporterId,
                            kind,
                            deadline,
                            detectedAt: now,
                            priority: state.priority,
                            severity: state.severity,
                            ...venueId === undefined ? {} : {
                                venueId
                            }
                        }
                    }
                ];
            }
        default:
            {
                const _exhaustive = command;
                throw new Error(`unknown incident command ${JSON.stringify(_exhaustive)}`);
            }
    }
};
/**
 * One PATCH, in a fixed order: impact (which moves priority and deadlines), severity, assignee,
 * status, note. A refused status move refuses the whole PATCH: nothing is written. A field that
 * already has the asked value changes nothing, so a retried PATCH writes nothing new.
 */ const decideUpdate = (command, state)=>{
    const { incidentId, by, status, assigneeId, impact, severity, note } = command.data;
    const { now, sla } = command.metadata;
    if (!isOpened(state)) throw notFound(incidentId);
    const { reporterId } = state;
    if (status !== undefined && status !== state.status && !TRANSITIONS[state.status].includes(status)) {
        throw invalidTransition(state.status, status);
    }
    const events = [];
    let deadlines = state.deadlines;
    if (impact !== undefined && impact !== state.impact) {
        const to = (0, _priority.priorityOf)(state.urgency, impact);
        const fresh = (0, _priority.deadlinesFor)(to, state.reportedAt, sla);
        // The pauses in `pending` so far still count; a pause under way is added when it ends.
        deadlines = {
            ...fresh,
            resolveBy: new Date((0, _time.epochMillisOf)(fresh.resolveBy) + state.pausedMs).toISOString()
        };
        events.push({
            type: 'incident.reprioritized.v1',
            data: {
                incidentId,
                reporterId,
                impact,
                from: state.priority,
                to,
                at: now,
                by,
                deadlines
            }
        });
    }
    if (severity !== undefined && severity !== state.severity) {
        events.push({
            type: 'incident.severity_set.v1',
            data: {
                incidentId,
                reporterId,
                from: state.severity,
                to: severity,
                status: state.status,
                at: now,
                by
            }
        });
    }
    if (assigneeId !== undefined && assigneeId !== state.assigneeId) {
        events.push({
            type: 'incident.assigned.v1',
            data: {
                incidentId,
                reporterId,
                assigneeId,
                at: now,
                by
            }
        });
    }
    if (status !== undefined && status !== state.status) {
        deadlines = deadlinesAfterPending({
            ...state,
            deadlines
        }, now);
        events.push({
            type: 'incident.status_changed.v1',
            data: {
                incidentId,
                reporterId,
                from: state.status,
                to: status,
                at: now,
                by,
                deadlines,
                severity: severity ?? state.severity,
                ...deviceOf(state)
            }
        });
    }
    if (note !== undefined) events.push({
        type: 'incident.note_added.v1',
        data: {
            incidentId,
            reporterId,
            note,
            at: now,
            by
        }
    });
    return events;
};
const incidentDecider = {
    initialState,
    evolve,
    decide
};

//# sourceMappingURL=incident.js.map