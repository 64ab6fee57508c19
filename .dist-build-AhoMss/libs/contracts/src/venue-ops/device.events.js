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
    get DEVICE_EVENT_TYPES () {
        return DEVICE_EVENT_TYPES;
    },
    get DEVICE_STATUSES () {
        return DEVICE_STATUSES;
    },
    get DEVICE_TYPES () {
        return DEVICE_TYPES;
    },
    get READING_STATUSES () {
        return READING_STATUSES;
    },
    get SEVERITIES () {
        return SEVERITIES;
    },
    get deviceStream () {
        return deviceStream;
    }
});
const DEVICE_TYPES = [
    'gate_scanner',
    'turnstile',
    'pos',
    'sensor',
    'display'
];
const READING_STATUSES = [
    'online',
    'degraded',
    'offline'
];
const DEVICE_STATUSES = [
    'online',
    'degraded',
    'offline',
    'silent'
];
const SEVERITIES = [
    'critical',
    'high',
    'medium',
    'low'
];
const DEVICE_EVENT_TYPES = [
    'device.registered.v1',
    'device.status_changed.v1',
    'device.rule_raised.v1',
    'device.rule_cleared.v1'
];
const deviceStream = (deviceId)=>`device-${deviceId}`;

//# sourceMappingURL=device.events.js.map