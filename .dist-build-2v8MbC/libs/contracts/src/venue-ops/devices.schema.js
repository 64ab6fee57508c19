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
    get DeviceLastReadingSchema () {
        return DeviceLastReadingSchema;
    },
    get DeviceListResponseSchema () {
        return DeviceListResponseSchema;
    },
    get DeviceRuleConditionSchema () {
        return DeviceRuleConditionSchema;
    },
    get DeviceRuleSchema () {
        return DeviceRuleSchema;
    },
    get DeviceRulesResponseSchema () {
        return DeviceRulesResponseSchema;
    },
    get DeviceViewSchema () {
        return DeviceViewSchema;
    },
    get RegisterDeviceResponseSchema () {
        return RegisterDeviceResponseSchema;
    },
    get TelemetryAcceptedSchema () {
        return TelemetryAcceptedSchema;
    },
    get TelemetryBodySchema () {
        return TelemetryBodySchema;
    }
});
const _swagger = require("@nestjs/swagger");
const _deviceevents = require("./device.events");
const _devicerules = require("./device-rules");
const _telemetry = require("./telemetry");
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
/** Schemas of the device endpoints for GET /openapi.json; test/openapi checks real answers against them. */ const POSITION = {
    description: 'Global log position, a decimal string.',
    pattern: '^\\d+$'
};
let RegisterDeviceResponseSchema = class RegisterDeviceResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], RegisterDeviceResponseSchema.prototype, "deviceId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'Shown once: Tessera keeps only its keyed hash. 32 random bytes, base64url.',
        pattern: '^[A-Za-z0-9_-]{43}$'
    }),
    _ts_metadata("design:type", String)
], RegisterDeviceResponseSchema.prototype, "deviceKey", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(POSITION),
    _ts_metadata("design:type", String)
], RegisterDeviceResponseSchema.prototype, "position", void 0);
RegisterDeviceResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'RegisterDeviceResponse'
    })
], RegisterDeviceResponseSchema);
let TelemetryAcceptedSchema = class TelemetryAcceptedSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 1,
        maximum: _telemetry.MAX_READINGS_PER_BODY
    }),
    _ts_metadata("design:type", Number)
], TelemetryAcceptedSchema.prototype, "accepted", void 0);
TelemetryAcceptedSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'TelemetryAccepted'
    })
], TelemetryAcceptedSchema);
const READING = {
    type: 'object',
    additionalProperties: false,
    required: [
        'status',
        'at'
    ],
    properties: {
        status: {
            type: 'string',
            enum: [
                ..._deviceevents.READING_STATUSES
            ]
        },
        temperature: {
            type: 'number',
            minimum: -100,
            maximum: 1000,
            description: '°C'
        },
        battery: {
            type: 'number',
            minimum: 0,
            maximum: 100,
            description: 'Percent.'
        },
        errorRate: {
            type: 'number',
            minimum: 0,
            maximum: 1
        },
        at: {
            type: 'string',
            format: 'date-time',
            description: 'ISO 8601 UTC; at most 5 minutes ahead of the server.'
        }
    }
};
const TelemetryBodySchema = {
    oneOf: [
        READING,
        {
            type: 'array',
            minItems: 1,
            maxItems: _telemetry.MAX_READINGS_PER_BODY,
            items: READING
        }
    ]
};
let DeviceRuleConditionSchema = class DeviceRuleConditionSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _devicerules.RULE_FIELDS
    }),
    _ts_metadata("design:type", typeof RuleField === "undefined" ? Object : RuleField)
], DeviceRuleConditionSchema.prototype, "field", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _devicerules.RULE_OPS
    }),
    _ts_metadata("design:type", typeof RuleOp === "undefined" ? Object : RuleOp)
], DeviceRuleConditionSchema.prototype, "op", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        oneOf: [
            {
                type: 'number'
            },
            {
                type: 'string',
                enum: [
                    ..._deviceevents.READING_STATUSES
                ]
            }
        ]
    }),
    _ts_metadata("design:type", Object)
], DeviceRuleConditionSchema.prototype, "value", void 0);
DeviceRuleConditionSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'DeviceRuleCondition'
    })
], DeviceRuleConditionSchema);
let DeviceRuleSchema = class DeviceRuleSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], DeviceRuleSchema.prototype, "ruleId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _deviceevents.DEVICE_TYPES,
        isArray: true
    }),
    _ts_metadata("design:type", Array)
], DeviceRuleSchema.prototype, "deviceTypes", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: DeviceRuleConditionSchema
    }),
    _ts_metadata("design:type", typeof DeviceRuleConditionSchema === "undefined" ? Object : DeviceRuleConditionSchema)
], DeviceRuleSchema.prototype, "when", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _deviceevents.SEVERITIES
    }),
    _ts_metadata("design:type", typeof Severity === "undefined" ? Object : Severity)
], DeviceRuleSchema.prototype, "severity", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0
    }),
    _ts_metadata("design:type", Number)
], DeviceRuleSchema.prototype, "raiseAfterSeconds", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0
    }),
    _ts_metadata("design:type", Number)
], DeviceRuleSchema.prototype, "clearAfterSeconds", void 0);
DeviceRuleSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'DeviceRule'
    })
], DeviceRuleSchema);
let DeviceRulesResponseSchema = class DeviceRulesResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: DeviceRuleSchema,
        isArray: true
    }),
    _ts_metadata("design:type", Array)
], DeviceRulesResponseSchema.prototype, "rules", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        ...POSITION,
        required: false,
        description: 'On the answer to a PUT: the position of the new rule set.'
    }),
    _ts_metadata("design:type", String)
], DeviceRulesResponseSchema.prototype, "position", void 0);
DeviceRulesResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'DeviceRulesResponse'
    })
], DeviceRulesResponseSchema);
let DeviceLastReadingSchema = class DeviceLastReadingSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'number',
        nullable: true
    }),
    _ts_metadata("design:type", Object)
], DeviceLastReadingSchema.prototype, "temperature", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'number',
        nullable: true
    }),
    _ts_metadata("design:type", Object)
], DeviceLastReadingSchema.prototype, "battery", void 0);
DeviceLastReadingSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'DeviceLastReading'
    })
], DeviceLastReadingSchema);
let DeviceViewSchema = class DeviceViewSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], DeviceViewSchema.prototype, "deviceId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], DeviceViewSchema.prototype, "venueId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _deviceevents.DEVICE_TYPES
    }),
    _ts_metadata("design:type", typeof DeviceType === "undefined" ? Object : DeviceType)
], DeviceViewSchema.prototype, "type", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], DeviceViewSchema.prototype, "name", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _deviceevents.DEVICE_STATUSES
    }),
    _ts_metadata("design:type", typeof DeviceStatus === "undefined" ? Object : DeviceStatus)
], DeviceViewSchema.prototype, "status", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'string',
        format: 'date-time',
        nullable: true
    }),
    _ts_metadata("design:type", Object)
], DeviceViewSchema.prototype, "lastSeenAt", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: DeviceLastReadingSchema
    }),
    _ts_metadata("design:type", typeof DeviceLastReadingSchema === "undefined" ? Object : DeviceLastReadingSchema)
], DeviceViewSchema.prototype, "last", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0
    }),
    _ts_metadata("design:type", Number)
], DeviceViewSchema.prototype, "openIncidents", void 0);
DeviceViewSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'Device'
    })
], DeviceViewSchema);
let DeviceListResponseSchema = class DeviceListResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: DeviceViewSchema,
        isArray: true
    }),
    _ts_metadata("design:type", Array)
], DeviceListResponseSchema.prototype, "items", void 0);
DeviceListResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'DeviceListResponse'
    })
], DeviceListResponseSchema);

//# sourceMappingURL=devices.schema.js.map