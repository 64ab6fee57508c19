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
    get DEFAULT_DEVICE_RULES () {
        return DEFAULT_DEVICE_RULES;
    },
    get DEVICE_RULES_STREAM () {
        return DEVICE_RULES_STREAM;
    },
    get RULE_FIELDS () {
        return RULE_FIELDS;
    },
    get RULE_OPS () {
        return RULE_OPS;
    }
});
const _deviceevents = require("./device.events");
const RULE_FIELDS = [
    'status',
    'temperature',
    'battery',
    'errorRate',
    'silentSeconds'
];
const RULE_OPS = [
    '>',
    '<',
    '='
];
const DEVICE_RULES_STREAM = 'ops-rules';
const ALL_TYPES = [
    ..._deviceevents.DEVICE_TYPES
];
const DEFAULT_DEVICE_RULES = [
    {
        ruleId: 'device-offline',
        deviceTypes: ALL_TYPES,
        when: {
            field: 'status',
            op: '=',
            value: 'offline'
        },
        severity: 'critical',
        raiseAfterSeconds: 30,
        clearAfterSeconds: 60
    },
    {
        ruleId: 'temperature-high',
        deviceTypes: ALL_TYPES,
        when: {
            field: 'temperature',
            op: '>',
            value: 70
        },
        severity: 'high',
        raiseAfterSeconds: 60,
        clearAfterSeconds: 120
    },
    {
        ruleId: 'battery-low',
        deviceTypes: ALL_TYPES,
        when: {
            field: 'battery',
            op: '<',
            value: 15
        },
        severity: 'medium',
        raiseAfterSeconds: 60,
        clearAfterSeconds: 300
    },
    {
        ruleId: 'error-rate-high',
        deviceTypes: ALL_TYPES,
        when: {
            field: 'errorRate',
            op: '>',
            value: 0.05
        },
        severity: 'medium',
        raiseAfterSeconds: 60,
        clearAfterSeconds: 120
    },
    {
        ruleId: 'device-silent',
        deviceTypes: ALL_TYPES,
        when: {
            field: 'silentSeconds',
            op: '>',
            value: 120
        },
        severity: 'high',
        raiseAfterSeconds: 0,
        clearAfterSeconds: 0
    }
];

//# sourceMappingURL=device-rules.js.map