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
    get DeviceCountersSchema () {
        return DeviceCountersSchema;
    },
    get IncidentBreachSchema () {
        return IncidentBreachSchema;
    },
    get IncidentCountersSchema () {
        return IncidentCountersSchema;
    },
    get IncidentDeadlinesSchema () {
        return IncidentDeadlinesSchema;
    },
    get IncidentHistoryEntrySchema () {
        return IncidentHistoryEntrySchema;
    },
    get IncidentItemsResponseSchema () {
        return IncidentItemsResponseSchema;
    },
    get IncidentListResponseSchema () {
        return IncidentListResponseSchema;
    },
    get IncidentLocationSchema () {
        return IncidentLocationSchema;
    },
    get IncidentSeverityCountsSchema () {
        return IncidentSeverityCountsSchema;
    },
    get IncidentStatusCountsSchema () {
        return IncidentStatusCountsSchema;
    },
    get IncidentSummarySchema () {
        return IncidentSummarySchema;
    },
    get IncidentViewSchema () {
        return IncidentViewSchema;
    },
    get ReportIncidentResponseSchema () {
        return ReportIncidentResponseSchema;
    },
    get SalesCountersSchema () {
        return SalesCountersSchema;
    },
    get StatsResponseSchema () {
        return StatsResponseSchema;
    },
    get UpdateIncidentResponseSchema () {
        return UpdateIncidentResponseSchema;
    }
});
const _swagger = require("@nestjs/swagger");
const _incidentevents = require("./incident.events");
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
/**
 * The response bodies of the incident endpoints (incident.response.ts) as OpenAPI schemas
 * (GET /openapi.json). Each class implements its interface, so the compiler refuses a schema that
 * lacks a field; test/openapi checks real responses against them.
 */ const POSITION = {
    description: 'Global log position of the change, a decimal string (also in `X-Position`).',
    pattern: '^\\d+$',
    example: '42'
};
const DATE_TIME = {
    format: 'date-time',
    description: 'ISO 8601 UTC.'
};
const SLA_KINDS = [
    'acknowledge',
    'resolve'
];
const SOURCES = [
    'report',
    'device'
];
let ReportIncidentResponseSchema = class ReportIncidentResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], ReportIncidentResponseSchema.prototype, "incidentId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: [
            'new'
        ]
    }),
    _ts_metadata("design:type", String)
], ReportIncidentResponseSchema.prototype, "status", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _incidentevents.INCIDENT_PRIORITIES
    }),
    _ts_metadata("design:type", typeof IncidentPriority === "undefined" ? Object : IncidentPriority)
], ReportIncidentResponseSchema.prototype, "priority", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(POSITION),
    _ts_metadata("design:type", String)
], ReportIncidentResponseSchema.prototype, "position", void 0);
ReportIncidentResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'ReportIncidentResponse'
    })
], ReportIncidentResponseSchema);
let UpdateIncidentResponseSchema = class UpdateIncidentResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], UpdateIncidentResponseSchema.prototype, "incidentId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _incidentevents.INCIDENT_STATUSES
    }),
    _ts_metadata("design:type", typeof IncidentStatus === "undefined" ? Object : IncidentStatus)
], UpdateIncidentResponseSchema.prototype, "status", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _incidentevents.INCIDENT_PRIORITIES
    }),
    _ts_metadata("design:type", typeof IncidentPriority === "undefined" ? Object : IncidentPriority)
], UpdateIncidentResponseSchema.prototype, "priority", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        ...POSITION,
        description: 'The position of the change, or of the incident as it stood when the PATCH changed nothing.'
    }),
    _ts_metadata("design:type", String)
], UpdateIncidentResponseSchema.prototype, "position", void 0);
UpdateIncidentResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'UpdateIncidentResponse'
    })
], UpdateIncidentResponseSchema);
let IncidentLocationSchema = class IncidentLocationSchema {
};
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)(),
    _ts_metadata("design:type", String)
], IncidentLocationSchema.prototype, "showId", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)(),
    _ts_metadata("design:type", String)
], IncidentLocationSchema.prototype, "seatId", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)(),
    _ts_metadata("design:type", String)
], IncidentLocationSchema.prototype, "area", void 0);
IncidentLocationSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'IncidentLocation'
    })
], IncidentLocationSchema);
let IncidentDeadlinesSchema = class IncidentDeadlinesSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(DATE_TIME),
    _ts_metadata("design:type", String)
], IncidentDeadlinesSchema.prototype, "acknowledgeBy", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(DATE_TIME),
    _ts_metadata("design:type", String)
], IncidentDeadlinesSchema.prototype, "resolveBy", void 0);
IncidentDeadlinesSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'IncidentDeadlines'
    })
], IncidentDeadlinesSchema);
let IncidentBreachSchema = class IncidentBreachSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: SLA_KINDS
    }),
    _ts_metadata("design:type", typeof SlaKind === "undefined" ? Object : SlaKind)
], IncidentBreachSchema.prototype, "kind", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        ...DATE_TIME,
        description: 'The deadline that was missed.'
    }),
    _ts_metadata("design:type", String)
], IncidentBreachSchema.prototype, "deadline", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        ...DATE_TIME,
        description: 'When the breach schedule noticed.'
    }),
    _ts_metadata("design:type", String)
], IncidentBreachSchema.prototype, "detectedAt", void 0);
IncidentBreachSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'IncidentBreach'
    })
], IncidentBreachSchema);
let IncidentHistoryEntrySchema = class IncidentHistoryEntrySchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(DATE_TIME),
    _ts_metadata("design:type", String)
], IncidentHistoryEntrySchema.prototype, "at", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'A user id, or `device:{deviceId}`, or `system:sla`.'
    }),
    _ts_metadata("design:type", String)
], IncidentHistoryEntrySchema.prototype, "actorId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'status new → acknowledged'
    }),
    _ts_metadata("design:type", String)
], IncidentHistoryEntrySchema.prototype, "change", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'string',
        nullable: true
    }),
    _ts_metadata("design:type", Object)
], IncidentHistoryEntrySchema.prototype, "note", void 0);
IncidentHistoryEntrySchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'IncidentHistoryEntry'
    })
], IncidentHistoryEntrySchema);
let IncidentSummarySchema = class IncidentSummarySchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], IncidentSummarySchema.prototype, "incidentId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], IncidentSummarySchema.prototype, "title", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], IncidentSummarySchema.prototype, "description", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: IncidentLocationSchema
    }),
    _ts_metadata("design:type", typeof IncidentLocationSchema === "undefined" ? Object : IncidentLocationSchema)
], IncidentSummarySchema.prototype, "location", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _incidentevents.INCIDENT_CATEGORIES
    }),
    _ts_metadata("design:type", typeof IncidentCategory === "undefined" ? Object : IncidentCategory)
], IncidentSummarySchema.prototype, "category", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _incidentevents.INCIDENT_URGENCIES
    }),
    _ts_metadata("design:type", typeof IncidentUrgency === "undefined" ? Object : IncidentUrgency)
], IncidentSummarySchema.prototype, "urgency", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _incidentevents.INCIDENT_IMPACTS
    }),
    _ts_metadata("design:type", typeof IncidentImpact === "undefined" ? Object : IncidentImpact)
], IncidentSummarySchema.prototype, "impact", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _incidentevents.INCIDENT_PRIORITIES
    }),
    _ts_metadata("design:type", typeof IncidentPriority === "undefined" ? Object : IncidentPriority)
], IncidentSummarySchema.prototype, "priority", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _incidentevents.INCIDENT_SEVERITIES
    }),
    _ts_metadata("design:type", typeof IncidentSeverity === "undefined" ? Object : IncidentSeverity)
], IncidentSummarySchema.prototype, "severity", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _incidentevents.INCIDENT_STATUSES
    }),
    _ts_metadata("design:type", typeof IncidentStatus === "undefined" ? Object : IncidentStatus)
], IncidentSummarySchema.prototype, "status", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: SOURCES
    }),
    _ts_metadata("design:type", typeof IncidentSource === "undefined" ? Object : IncidentSource)
], IncidentSummarySchema.prototype, "source", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        description: 'Device incidents only.'
    }),
    _ts_metadata("design:type", String)
], IncidentSummarySchema.prototype, "venueId", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        description: 'Device incidents only.'
    }),
    _ts_metadata("design:type", String)
], IncidentSummarySchema.prototype, "deviceId", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        description: 'Device incidents only.'
    }),
    _ts_metadata("design:type", String)
], IncidentSummarySchema.prototype, "ruleId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'The reporting user, or `device:{deviceId}`.'
    }),
    _ts_metadata("design:type", String)
], IncidentSummarySchema.prototype, "reporterId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'string',
        nullable: true
    }),
    _ts_metadata("design:type", Object)
], IncidentSummarySchema.prototype, "assigneeId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(DATE_TIME),
    _ts_metadata("design:type", String)
], IncidentSummarySchema.prototype, "createdAt", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        ...DATE_TIME,
        type: 'string',
        nullable: true
    }),
    _ts_metadata("design:type", Object)
], IncidentSummarySchema.prototype, "acknowledgedAt", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        ...DATE_TIME,
        type: 'string',
        nullable: true
    }),
    _ts_metadata("design:type", Object)
], IncidentSummarySchema.prototype, "resolvedAt", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: IncidentDeadlinesSchema
    }),
    _ts_metadata("design:type", typeof IncidentDeadlinesSchema === "undefined" ? Object : IncidentDeadlinesSchema)
], IncidentSummarySchema.prototype, "deadlines", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: IncidentBreachSchema,
        isArray: true
    }),
    _ts_metadata("design:type", Array)
], IncidentSummarySchema.prototype, "breached", void 0);
IncidentSummarySchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'IncidentSummary'
    })
], IncidentSummarySchema);
let IncidentViewSchema = class IncidentViewSchema extends IncidentSummarySchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: IncidentHistoryEntrySchema,
        isArray: true,
        description: 'Oldest first.'
    }),
    _ts_metadata("design:type", Array)
], IncidentViewSchema.prototype, "history", void 0);
IncidentViewSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'IncidentView'
    })
], IncidentViewSchema);
let IncidentListResponseSchema = class IncidentListResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: IncidentSummarySchema,
        isArray: true,
        description: 'Newest first.'
    }),
    _ts_metadata("design:type", Array)
], IncidentListResponseSchema.prototype, "items", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'string',
        nullable: true,
        description: 'Pass as `cursor` for the next page; null on the last one.'
    }),
    _ts_metadata("design:type", Object)
], IncidentListResponseSchema.prototype, "nextCursor", void 0);
IncidentListResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'IncidentListResponse'
    })
], IncidentListResponseSchema);
let IncidentItemsResponseSchema = class IncidentItemsResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: IncidentSummarySchema,
        isArray: true,
        description: 'Newest first.'
    }),
    _ts_metadata("design:type", Array)
], IncidentItemsResponseSchema.prototype, "items", void 0);
IncidentItemsResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'IncidentItemsResponse'
    })
], IncidentItemsResponseSchema);
// ---- live counters ---------------------------------------------------------------------------
const COUNT = {
    type: 'integer',
    minimum: 0
};
let IncidentSeverityCountsSchema = class IncidentSeverityCountsSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(COUNT),
    _ts_metadata("design:type", Number)
], IncidentSeverityCountsSchema.prototype, "critical", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(COUNT),
    _ts_metadata("design:type", Number)
], IncidentSeverityCountsSchema.prototype, "high", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(COUNT),
    _ts_metadata("design:type", Number)
], IncidentSeverityCountsSchema.prototype, "medium", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(COUNT),
    _ts_metadata("design:type", Number)
], IncidentSeverityCountsSchema.prototype, "low", void 0);
IncidentSeverityCountsSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'IncidentSeverityCounts'
    })
], IncidentSeverityCountsSchema);
let IncidentStatusCountsSchema = class IncidentStatusCountsSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(COUNT),
    _ts_metadata("design:type", Number)
], IncidentStatusCountsSchema.prototype, "new", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(COUNT),
    _ts_metadata("design:type", Number)
], IncidentStatusCountsSchema.prototype, "acknowledged", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(COUNT),
    _ts_metadata("design:type", Number)
], IncidentStatusCountsSchema.prototype, "in_progress", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(COUNT),
    _ts_metadata("design:type", Number)
], IncidentStatusCountsSchema.prototype, "pending", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(COUNT),
    _ts_metadata("design:type", Number)
], IncidentStatusCountsSchema.prototype, "resolved", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(COUNT),
    _ts_metadata("design:type", Number)
], IncidentStatusCountsSchema.prototype, "closed", void 0);
IncidentStatusCountsSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'IncidentStatusCounts'
    })
], IncidentStatusCountsSchema);
let IncidentCountersSchema = class IncidentCountersSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        ...COUNT,
        description: 'Incidents in an open status (new, acknowledged, in_progress, pending).'
    }),
    _ts_metadata("design:type", Number)
], IncidentCountersSchema.prototype, "open", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: IncidentSeverityCountsSchema,
        description: 'Open incidents by severity.'
    }),
    _ts_metadata("design:type", typeof IncidentSeverityCountsSchema === "undefined" ? Object : IncidentSeverityCountsSchema)
], IncidentCountersSchema.prototype, "bySeverity", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: IncidentStatusCountsSchema,
        description: 'Every incident by its current status.'
    }),
    _ts_metadata("design:type", typeof IncidentStatusCountsSchema === "undefined" ? Object : IncidentStatusCountsSchema)
], IncidentCountersSchema.prototype, "byStatus", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        ...COUNT,
        description: 'SLA breaches recorded.'
    }),
    _ts_metadata("design:type", Number)
], IncidentCountersSchema.prototype, "breached", void 0);
IncidentCountersSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'IncidentCounters'
    })
], IncidentCountersSchema);
let DeviceCountersSchema = class DeviceCountersSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(COUNT),
    _ts_metadata("design:type", Number)
], DeviceCountersSchema.prototype, "total", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(COUNT),
    _ts_metadata("design:type", Number)
], DeviceCountersSchema.prototype, "online", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(COUNT),
    _ts_metadata("design:type", Number)
], DeviceCountersSchema.prototype, "degraded", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(COUNT),
    _ts_metadata("design:type", Number)
], DeviceCountersSchema.prototype, "offline", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(COUNT),
    _ts_metadata("design:type", Number)
], DeviceCountersSchema.prototype, "silent", void 0);
DeviceCountersSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'DeviceCounters'
    })
], DeviceCountersSchema);
let SalesCountersSchema = class SalesCountersSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(COUNT),
    _ts_metadata("design:type", Number)
], SalesCountersSchema.prototype, "showsOnSale", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        ...COUNT,
        description: 'Seats sold and not refunded.'
    }),
    _ts_metadata("design:type", Number)
], SalesCountersSchema.prototype, "seatsSold", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'object',
        additionalProperties: {
            type: 'integer'
        },
        description: 'Revenue kept (sales less refunds), minor units by ISO 4217 currency.'
    }),
    _ts_metadata("design:type", typeof Record === "undefined" ? Object : Record)
], SalesCountersSchema.prototype, "revenueByCurrency", void 0);
SalesCountersSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'SalesCounters'
    })
], SalesCountersSchema);
let StatsResponseSchema = class StatsResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: IncidentCountersSchema
    }),
    _ts_metadata("design:type", typeof IncidentCountersSchema === "undefined" ? Object : IncidentCountersSchema)
], StatsResponseSchema.prototype, "incidents", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: DeviceCountersSchema
    }),
    _ts_metadata("design:type", typeof DeviceCountersSchema === "undefined" ? Object : DeviceCountersSchema)
], StatsResponseSchema.prototype, "devices", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: SalesCountersSchema
    }),
    _ts_metadata("design:type", typeof SalesCountersSchema === "undefined" ? Object : SalesCountersSchema)
], StatsResponseSchema.prototype, "sales", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'The log position the counters reflect.',
        pattern: '^\\d+$'
    }),
    _ts_metadata("design:type", String)
], StatsResponseSchema.prototype, "position", void 0);
StatsResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'StatsResponse'
    })
], StatsResponseSchema);

//# sourceMappingURL=responses.schema.js.map