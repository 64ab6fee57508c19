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
    get appliesTo () {
        return appliesTo;
    },
    get evaluate () {
        return evaluate;
    },
    get noTimers () {
        return noTimers;
    },
    get stepRule () {
        return stepRule;
    }
});
const noTimers = {
    rules: {}
};
const ms = (iso)=>Date.parse(iso);
const iso = (time)=>new Date(time).toISOString();
const appliesTo = (rule, device)=>rule.deviceTypes.includes(device.deviceType);
const holds = (rule, value)=>{
    const threshold = rule.when.value;
    switch(rule.when.op){
        case '=':
            return value === threshold;
        case '>':
            return typeof value === 'number' && typeof threshold === 'number' && value > threshold;
        case '<':
            return typeof value === 'number' && typeof threshold === 'number' && value < threshold;
        default:
            {
                const _exhaustive = rule.when.op;
                return false;
            }
    }
};
const stepRule = (rule, raised, timer, conditionHolds, t)=>{
    const clearAfter = rule.clearAfterSeconds * 1000;
    const clearedFor = (since)=>since !== undefined && t - ms(since) >= clearAfter;
    if (conditionHolds) {
        if (raised) return {
            timer: {
                activeSince: timer.activeSince ?? iso(t)
            },
            transition: undefined
        };
        // A gap at least as long as clear-after ended the last episode, even if no reading said so then.
        const activeSince = timer.activeSince === undefined || clearedFor(timer.clearSince) ? iso(t) : timer.activeSince;
        const transition = t - ms(activeSince) >= rule.raiseAfterSeconds * 1000 ? 'raise' : undefined;
        return {
            timer: {
                activeSince
            },
            transition
        };
    }
    if (!raised && timer.activeSince === undefined) return {
        timer: {},
        transition: undefined
    };
    const clearSince = timer.clearSince ?? iso(t);
    if (clearedFor(clearSince)) return {
        timer: {},
        transition: raised ? 'clear' : undefined
    };
    return {
        timer: {
            ...timer,
            clearSince
        },
        transition: undefined
    };
};
/** The value a rule compares, or undefined when the observation does not tell it. */ const observed = (rule, observation, now)=>{
    if (observation.kind === 'silence') {
        return rule.when.field === 'silentSeconds' ? Math.max(0, (now - ms(observation.lastSeenAt)) / 1000) : undefined;
    }
    // A device that speaks is not silent.
    if (rule.when.field === 'silentSeconds') return 0;
    return observation.reading[rule.when.field];
};
const evaluate = ({ rules, device, timers, observation, now, newIncidentId })=>{
    const nowMs = ms(now);
    // A device's clock may run ahead: nothing it says happens after the server's now.
    const t = observation.kind === 'reading' ? Math.min(ms(observation.reading.at), nowMs) : nowMs;
    if (observation.kind === 'reading' && timers.lastAt !== undefined && t < ms(timers.lastAt)) return {
        timers,
        events: []
    };
    const at = iso(t);
    const { deviceId, venueId, deviceType } = device;
    const statusChanges = [];
    const changeStatus = (to)=>{
        if (device.status !== to) statusChanges.push({
            type: 'device.status_changed.v1',
            data: {
                deviceId,
                venueId,
                deviceType,
                from: device.status,
                to,
                at
            }
        });
    };
    if (observation.kind === 'reading') changeStatus(observation.reading.status);
    const clears = [];
    const raises = [];
    const nextTimers = {};
    const active = rules.filter((rule)=>appliesTo(rule, device));
    let silent = false;
    for (const rule of active){
        const timer = timers.rules[rule.ruleId] ?? {};
        const value = observed(rule, observation, nowMs);
        if (value === undefined) {
            if (timer.activeSince !== undefined || timer.clearSince !== undefined) nextTimers[rule.ruleId] = timer;
            continue;
        }
        const conditionHolds = holds(rule, value);
        if (rule.when.field === 'silentSeconds' && conditionHolds) silent = true;
        const open = device.open[rule.ruleId];
        const stepped = stepRule(rule, open !== undefined, timer, conditionHolds, t);
        if (stepped.timer.activeSince !== undefined || stepped.timer.clearSince !== undefined) nextTimers[rule.ruleId] = stepped.timer;
        if (stepped.transition === 'raise') {
            const reading = observation.kind === 'reading' ? observation.reading : {
                silentSeconds: value,
                lastSeenAt: observation.lastSeenAt
            };
            raises.push({
                type: 'device.rule_raised.v1',
                data: {
                    deviceId,
                    venueId,
                    deviceType,
                    ruleId: rule.ruleId,
                    severity: rule.severity,
                    incidentId: newIncidentId(),
                    raisedAt: at,
                    reading
                }
            });
        } else if (stepped.transition === 'clear' && open) {
            clears.push({
                type: 'device.rule_cleared.v1',
                data: {
                    deviceId,
                    venueId,
                    ruleId: rule.ruleId,
                    incidentId: open.incidentId,
                    clearedAt: at
                }
            });
        }
    }
    if (silent) changeStatus('silent');
    // A raise whose rule was removed (or no longer names this device's type) resolves: nothing watches it any more.
    for (const [ruleId, open] of Object.entries(device.open)){
        if (!active.some((rule)=>rule.ruleId === ruleId)) {
            clears.push({
                type: 'device.rule_cleared.v1',
                data: {
                    deviceId,
                    venueId,
                    ruleId,
                    incidentId: open.incidentId,
                    clearedAt: at
                }
            });
        }
    }
    const lastAt = observation.kind === 'reading' ? at : timers.lastAt;
    return {
        timers: {
            ...lastAt === undefined ? {} : {
                lastAt
            },
            rules: nextTimers
        },
        events: [
            ...statusChanges,
            ...clears,
            ...raises
        ]
    };
};

//# sourceMappingURL=device-rules.js.map