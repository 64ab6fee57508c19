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
    get SLA_POLICY () {
        return SLA_POLICY;
    },
    get slaPolicyOf () {
        return slaPolicyOf;
    }
});
const slaPolicyOf = (config)=>({
        P1: {
            acknowledgeMinutes: config.SLA_P1_ACKNOWLEDGE_MINUTES,
            resolveMinutes: config.SLA_P1_RESOLVE_MINUTES
        },
        P2: {
            acknowledgeMinutes: config.SLA_P2_ACKNOWLEDGE_MINUTES,
            resolveMinutes: config.SLA_P2_RESOLVE_MINUTES
        },
        P3: {
            acknowledgeMinutes: config.SLA_P3_ACKNOWLEDGE_MINUTES,
            resolveMinutes: config.SLA_P3_RESOLVE_MINUTES
        },
        P4: {
            acknowledgeMinutes: config.SLA_P4_ACKNOWLEDGE_MINUTES,
            resolveMinutes: config.SLA_P4_RESOLVE_MINUTES
        }
    });
const SLA_POLICY = Symbol('SLA_POLICY');

//# sourceMappingURL=sla-policy.js.map