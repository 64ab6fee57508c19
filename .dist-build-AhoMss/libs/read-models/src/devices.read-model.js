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
    get DEVICES () {
        return DEVICES;
    },
    get DEVICE_TELEMETRY () {
        return DEVICE_TELEMETRY;
    },
    get deviceTelemetryCollection () {
        return deviceTelemetryCollection;
    },
    get devicesDescriptor () {
        return devicesDescriptor;
    }
});
const _contracts = require("../../contracts/src");
const DEVICES = 'devices';
const DEVICE_TELEMETRY = 'device_telemetry';
const devicesDescriptor = {
    name: 'devices',
    version: 1,
    collections: [
        DEVICES
    ],
    eventTypes: _contracts.DEVICE_EVENT_TYPES
};
const deviceTelemetryCollection = DEVICE_TELEMETRY;

//# sourceMappingURL=devices.read-model.js.map