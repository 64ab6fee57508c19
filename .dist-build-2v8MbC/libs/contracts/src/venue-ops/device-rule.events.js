"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "DEVICE_RULE_EVENT_TYPES", {
    enumerable: true,
    get: function() {
        return DEVICE_RULE_EVENT_TYPES;
    }
});
const DEVICE_RULE_EVENT_TYPES = [
    'device.rule_raised.v1',
    'device.rule_cleared.v1'
];

//# sourceMappingURL=device-rule.events.js.map