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
    get DEFAULT_IMPACT () {
        return DEFAULT_IMPACT;
    },
    get deadlinesFor () {
        return deadlinesFor;
    },
    get priorityOf () {
        return priorityOf;
    },
    get severityOfUrgency () {
        return severityOfUrgency;
    },
    get urgencyAndImpactOfSeverity () {
        return urgencyAndImpactOfSeverity;
    }
});
const _time = require("../box-office/time");
/**
 * Priority from urgency × impact, as ITIL's priority matrix (urgency: how soon it hurts; impact:
 * how many it hurts), with four levels:
 *
 *   impact \ urgency   high   medium   low
 *   high               P1     P2       P3
 *   medium             P2     P3       P4
 *   low                P3     P4       P4
 *
 * A fan's report has no impact yet: it is `medium` until staff say otherwise.
 */ const MATRIX = {
    high: {
        high: 'P1',
        medium: 'P2',
        low: 'P3'
    },
    medium: {
        high: 'P2',
        medium: 'P3',
        low: 'P4'
    },
    low: {
        high: 'P3',
        medium: 'P4',
        low: 'P4'
    }
};
const DEFAULT_IMPACT = 'medium';
const priorityOf = (urgency, impact)=>MATRIX[impact][urgency];
const severityOfUrgency = (urgency)=>urgency;
const urgencyAndImpactOfSeverity = (severity)=>{
    switch(severity){
        case 'critical':
            return {
                urgency: 'high',
                impact: 'high'
            };
        case 'high':
            return {
                urgency: 'high',
                impact: 'medium'
            };
        case 'medium':
            return {
                urgency: 'medium',
                impact: 'medium'
            };
        case 'low':
            return {
                urgency: 'low',
                impact: 'medium'
            };
        default:
            {
                const _exhaustive = severity;
                throw new Error(`unknown severity ${String(_exhaustive)}`);
            }
    }
};
const deadlinesFor = (priority, reportedAt, sla)=>({
        acknowledgeBy: (0, _time.addMinutes)(reportedAt, sla[priority].acknowledgeMinutes),
        resolveBy: (0, _time.addMinutes)(reportedAt, sla[priority].resolveMinutes)
    });

//# sourceMappingURL=priority.js.map