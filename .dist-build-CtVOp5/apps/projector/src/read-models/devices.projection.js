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
    get devicesProjection () {
        return devicesProjection;
    },
    get evolveDevice () {
        return evolveDevice;
    }
});
const _readmodels = require("../../../../libs/read-models/src");
const evolveDevice = (doc, event)=>{
    switch(event.type){
        case 'device.registered.v1':
            {
                const { deviceId, venueId, deviceType, name, registeredAt } = event.data;
                return {
                    _id: deviceId,
                    deviceId,
                    venueId,
                    type: deviceType,
                    name,
                    registeredAt,
                    status: 'offline',
                    open: {},
                    openIncidents: 0
                };
            }
        case 'device.status_changed.v1':
            return doc && {
                ...doc,
                status: event.data.to,
                statusChangedAt: event.data.at
            };
        case 'device.rule_raised.v1':
            {
                if (!doc) return doc;
                const { ruleId, incidentId, severity, raisedAt } = event.data;
                const open = {
                    ...doc.open,
                    [ruleId]: {
                        incidentId,
                        severity,
                        raisedAt
                    }
                };
                return {
                    ...doc,
                    open,
                    openIncidents: Object.keys(open).length
                };
            }
        case 'device.rule_cleared.v1':
            {
                if (!doc || doc.open[event.data.ruleId]?.incidentId !== event.data.incidentId) return doc;
                const { [event.data.ruleId]: _cleared, ...open } = doc.open;
                return {
                    ...doc,
                    open,
                    openIncidents: Object.keys(open).length
                };
            }
        default:
            {
                const _exhaustive = event;
                return doc;
            }
    }
};
const devicesProjection = {
    ..._readmodels.devicesDescriptor,
    async apply (event, docs) {
        const domainEvent = {
            type: event.type,
            data: event.data
        };
        await docs.evolve(_readmodels.DEVICES, domainEvent.data.deviceId, event, (doc)=>evolveDevice(doc, domainEvent));
    }
};

//# sourceMappingURL=devices.projection.js.map