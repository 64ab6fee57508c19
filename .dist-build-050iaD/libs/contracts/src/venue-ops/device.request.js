// @Type reads design-time metadata as it decorates: importing these DTOs must not depend on
// someone else having loaded reflect-metadata first.
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
    get DEVICE_ID_PATTERN () {
        return DEVICE_ID_PATTERN;
    },
    get DeviceRuleRequest () {
        return DeviceRuleRequest;
    },
    get ListDevicesRequest () {
        return ListDevicesRequest;
    },
    get PutDeviceRulesRequest () {
        return PutDeviceRulesRequest;
    },
    get RegisterDeviceRequest () {
        return RegisterDeviceRequest;
    },
    get RuleConditionRequest () {
        return RuleConditionRequest;
    },
    get ruleProblems () {
        return ruleProblems;
    }
});
require("reflect-metadata");
const _classtransformer = require("class-transformer");
const _classvalidator = require("class-validator");
const _deviceevents = require("./device.events");
const _devicerules = require("./device-rules");
function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
const DEVICE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const ID_MESSAGE = 'must be 1–64 letters, digits, "_" or "-", starting with a letter or digit';
let RegisterDeviceRequest = class RegisterDeviceRequest {
};
_ts_decorate([
    (0, _classvalidator.Matches)(DEVICE_ID_PATTERN, {
        message: `deviceId ${ID_MESSAGE}`
    }),
    _ts_metadata("design:type", String)
], RegisterDeviceRequest.prototype, "deviceId", void 0);
_ts_decorate([
    (0, _classvalidator.Matches)(DEVICE_ID_PATTERN, {
        message: `venueId ${ID_MESSAGE}`
    }),
    _ts_metadata("design:type", String)
], RegisterDeviceRequest.prototype, "venueId", void 0);
_ts_decorate([
    (0, _classvalidator.IsIn)(_deviceevents.DEVICE_TYPES),
    _ts_metadata("design:type", typeof DeviceType === "undefined" ? Object : DeviceType)
], RegisterDeviceRequest.prototype, "type", void 0);
_ts_decorate([
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.Length)(1, 200),
    _ts_metadata("design:type", String)
], RegisterDeviceRequest.prototype, "name", void 0);
let RuleConditionRequest = class RuleConditionRequest {
};
_ts_decorate([
    (0, _classvalidator.IsIn)(_devicerules.RULE_FIELDS),
    _ts_metadata("design:type", typeof RuleField === "undefined" ? Object : RuleField)
], RuleConditionRequest.prototype, "field", void 0);
_ts_decorate([
    (0, _classvalidator.IsIn)(_devicerules.RULE_OPS),
    _ts_metadata("design:type", typeof RuleOp === "undefined" ? Object : RuleOp)
], RuleConditionRequest.prototype, "op", void 0);
_ts_decorate([
    (0, _classvalidator.ValidateBy)({
        name: 'isNumberOrStatus',
        validator: {
            validate: (value)=>typeof value === 'number' && Number.isFinite(value) || typeof value === 'string' && value.length <= 20,
            defaultMessage: ()=>'value must be a number or a status'
        }
    }),
    _ts_metadata("design:type", Object)
], RuleConditionRequest.prototype, "value", void 0);
let DeviceRuleRequest = class DeviceRuleRequest {
};
_ts_decorate([
    (0, _classvalidator.Matches)(DEVICE_ID_PATTERN, {
        message: `ruleId ${ID_MESSAGE}`
    }),
    _ts_metadata("design:type", String)
], DeviceRuleRequest.prototype, "ruleId", void 0);
_ts_decorate([
    (0, _classvalidator.IsArray)(),
    (0, _classvalidator.ArrayMinSize)(1),
    (0, _classvalidator.ArrayUnique)(),
    (0, _classvalidator.IsIn)(_deviceevents.DEVICE_TYPES, {
        each: true
    }),
    _ts_metadata("design:type", Array)
], DeviceRuleRequest.prototype, "deviceTypes", void 0);
_ts_decorate([
    (0, _classvalidator.ValidateNested)(),
    (0, _classtransformer.Type)(()=>RuleConditionRequest),
    _ts_metadata("design:type", typeof RuleConditionRequest === "undefined" ? Object : RuleConditionRequest)
], DeviceRuleRequest.prototype, "when", void 0);
_ts_decorate([
    (0, _classvalidator.IsIn)(_deviceevents.SEVERITIES),
    _ts_metadata("design:type", typeof Severity === "undefined" ? Object : Severity)
], DeviceRuleRequest.prototype, "severity", void 0);
_ts_decorate([
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(0),
    (0, _classvalidator.Max)(86_400),
    _ts_metadata("design:type", Number)
], DeviceRuleRequest.prototype, "raiseAfterSeconds", void 0);
_ts_decorate([
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(0),
    (0, _classvalidator.Max)(86_400),
    _ts_metadata("design:type", Number)
], DeviceRuleRequest.prototype, "clearAfterSeconds", void 0);
let PutDeviceRulesRequest = class PutDeviceRulesRequest {
};
_ts_decorate([
    (0, _classvalidator.IsArray)(),
    (0, _classvalidator.ArrayMaxSize)(100),
    (0, _classvalidator.ValidateNested)({
        each: true
    }),
    (0, _classtransformer.Type)(()=>DeviceRuleRequest),
    _ts_metadata("design:type", Array)
], PutDeviceRulesRequest.prototype, "rules", void 0);
const ruleProblems = (rules)=>{
    const problems = [];
    const seen = new Set();
    rules.forEach((rule, i)=>{
        if (seen.has(rule.ruleId)) problems.push({
            field: `rules[${i}].ruleId`,
            message: 'must be unique'
        });
        seen.add(rule.ruleId);
        const { field, op, value } = rule.when;
        if (field === 'status') {
            if (op !== '=') problems.push({
                field: `rules[${i}].when.op`,
                message: 'must be "=" for status'
            });
            if (![
                'online',
                'degraded',
                'offline'
            ].includes(value)) problems.push({
                field: `rules[${i}].when.value`,
                message: 'must be online, degraded or offline'
            });
        } else if (typeof value !== 'number') {
            problems.push({
                field: `rules[${i}].when.value`,
                message: `must be a number for ${field}`
            });
        } else if (field === 'silentSeconds' && (op !== '>' || value < 1)) {
            problems.push({
                field: `rules[${i}].when`,
                message: 'silentSeconds takes ">" and a number of seconds ≥ 1'
            });
        }
    });
    return problems;
};
let ListDevicesRequest = class ListDevicesRequest {
};
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.Matches)(DEVICE_ID_PATTERN, {
        message: `venueId ${ID_MESSAGE}`
    }),
    _ts_metadata("design:type", String)
], ListDevicesRequest.prototype, "venueId", void 0);
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsIn)(_deviceevents.DEVICE_STATUSES),
    _ts_metadata("design:type", typeof DeviceStatus === "undefined" ? Object : DeviceStatus)
], ListDevicesRequest.prototype, "status", void 0);

//# sourceMappingURL=device.request.js.map