/** Venue operations' deciders: the Incident, the Device and the device rules' evaluation. */ "use strict";
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
        return _priority.DEFAULT_IMPACT;
    },
    get Device () {
        return _device;
    },
    get DeviceRules () {
        return _devicerules;
    },
    get INCIDENT_TRANSITIONS () {
        return _incident.TRANSITIONS;
    },
    get Incident () {
        return _incident;
    },
    get deadlinesFor () {
        return _priority.deadlinesFor;
    },
    get deviceDecider () {
        return _device.deviceDecider;
    },
    get evaluate () {
        return _devicerules.evaluate;
    },
    get incidentDecider () {
        return _incident.incidentDecider;
    },
    get isIncidentOpened () {
        return _incident.isOpened;
    },
    get isOpenIncidentStatus () {
        return _incident.isOpen;
    },
    get isRegistered () {
        return _device.isRegistered;
    },
    get noTimers () {
        return _devicerules.noTimers;
    },
    get priorityOf () {
        return _priority.priorityOf;
    },
    get severityOfUrgency () {
        return _priority.severityOfUrgency;
    },
    get stepRule () {
        return _devicerules.stepRule;
    },
    get urgencyAndImpactOfSeverity () {
        return _priority.urgencyAndImpactOfSeverity;
    }
});
const _incident = /*#__PURE__*/ _interop_require_wildcard(require("./incident"));
const _priority = require("./priority");
const _device = /*#__PURE__*/ _interop_require_wildcard(require("./device"));
const _devicerules = /*#__PURE__*/ _interop_require_wildcard(require("./device-rules"));
function _getRequireWildcardCache(nodeInterop) {
    if (typeof WeakMap !== "function") return null;
    var cacheBabelInterop = new WeakMap();
    var cacheNodeInterop = new WeakMap();
    return (_getRequireWildcardCache = function(nodeInterop) {
        return nodeInterop ? cacheNodeInterop : cacheBabelInterop;
    })(nodeInterop);
}
function _interop_require_wildcard(obj, nodeInterop) {
    if (!nodeInterop && obj && obj.__esModule) return obj;
    if (obj === null || typeof obj !== "object" && typeof obj !== "function") return {
        default: obj
    };
    var cache = _getRequireWildcardCache(nodeInterop);
    if (cache && cache.has(obj)) return cache.get(obj);
    var newObj = {
        __proto__: null
    };
    var hasPropertyDescriptor = Object.defineProperty && Object.getOwnPropertyDescriptor;
    for(var key in obj){
        if (key !== "default" && Object.prototype.hasOwnProperty.call(obj, key)) {
            var desc = hasPropertyDescriptor ? Object.getOwnPropertyDescriptor(obj, key) : null;
            if (desc && (desc.get || desc.set)) Object.defineProperty(newObj, key, desc);
            else newObj[key] = obj[key];
        }
    }
    newObj.default = obj;
    if (cache) cache.set(obj, newObj);
    return newObj;
}

//# sourceMappingURL=index.js.map