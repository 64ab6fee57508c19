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
    get decide () {
        return decide;
    },
    get deviceDecider () {
        return deviceDecider;
    },
    get evolve () {
        return evolve;
    },
    get initialState () {
        return initialState;
    },
    get isRegistered () {
        return isRegistered;
    }
});
const _domainerror = require("../domain-error");
const _devicerules = require("./device-rules");
const initialState = {
    registered: false
};
const isRegistered = (state)=>state.registered;
const evolve = (state, event)=>{
    switch(event.type){
        case 'device.registered.v1':
            {
                const { deviceId, venueId, deviceType, name, keyHash, registeredAt } = event.data;
                return {
                    registered: true,
                    deviceId,
                    venueId,
                    deviceType,
                    name,
                    keyHash,
                    registeredAt,
                    status: 'offline',
                    open: {}
                };
            }
        case 'device.status_changed.v1':
            return isRegistered(state) ? {
                ...state,
                status: event.data.to
            } : state;
        case 'device.rule_raised.v1':
            {
                if (!isRegistered(state)) return state;
                const { ruleId, incidentId, severity, raisedAt } = event.data;
                return {
                    ...state,
                    open: {
                        ...state.open,
                        [ruleId]: {
                            incidentId,
                            severity,
                            raisedAt
                        }
                    }
                };
            }
        case 'device.rule_cleared.v1':
            {
                if (!isRegistered(state) || state.open[event.data.ruleId]?.incidentId !== event.data.incidentId) return state;
                const { [event.data.ruleId]: _cleared, ...open } = state.open;
                return {
                    ...state,
                    open
                };
            }
        default:
            {
                const _exhaustive = event;
                return state;
            }
    }
};
const registered = (state, deviceId)=>{
    if (!isRegistered(state)) throw new _domainerror.DomainError('DEVICE_NOT_FOUND', `device ${deviceId} is not registered`, {
        deviceId
    });
    return state;
};
const decide = (command, state)=>{
    switch(command.type){
        case 'RegisterDevice':
            {
                const { deviceId } = command.data;
                if (isRegistered(state)) throw new _domainerror.DomainError('DEVICE_EXISTS', `device ${deviceId} is already registered`, {
                    deviceId
                });
                return [
                    {
                        type: 'device.registered.v1',
                        data: {
                            ...command.data,
                            registeredAt: command.metadata.now
                        }
                    }
                ];
            }
        case 'RecordReading':
            {
                const { rules, timers, reading } = command.data;
                const device = registered(state, 'this device');
                return (0, _devicerules.evaluate)({
                    rules,
                    device,
                    timers,
                    observation: {
                        kind: 'reading',
                        reading
                    },
                    ...command.metadata
                }).events;
            }
        case 'CheckSilence':
            {
                const { rules, timers, lastSeenAt } = command.data;
                const device = registered(state, 'this device');
                return (0, _devicerules.evaluate)({
                    rules,
                    device,
                    timers,
                    observation: {
                        kind: 'silence',
                        lastSeenAt
                    },
                    ...command.metadata
                }).events;
            }
        default:
            {
                const _exhaustive = command;
                throw new Error(`unknown device command ${JSON.stringify(_exhaustive)}`);
            }
    }
};
const deviceDecider = {
    initialState,
    evolve,
    decide
};

//# sourceMappingURL=device.js.map