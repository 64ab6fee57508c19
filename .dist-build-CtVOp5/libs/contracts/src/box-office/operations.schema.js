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
    get AuditEventMetadataSchema () {
        return AuditEventMetadataSchema;
    },
    get AuditEventSchema () {
        return AuditEventSchema;
    },
    get SalesByCategorySchema () {
        return SalesByCategorySchema;
    },
    get SalesByHourSchema () {
        return SalesByHourSchema;
    },
    get ShowSalesResponseSchema () {
        return ShowSalesResponseSchema;
    },
    get StreamAuditResponseSchema () {
        return StreamAuditResponseSchema;
    }
});
const _swagger = require("@nestjs/swagger");
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
 * Response bodies of the admin read routes (API.md, Audit and analytics) as OpenAPI schemas
 * (GET /openapi.json); test/openapi checks real responses against them.
 */ const POSITION = {
    description: 'Global log position, a decimal string.',
    pattern: '^\\d+$'
};
let SalesByCategorySchema = class SalesByCategorySchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], SalesByCategorySchema.prototype, "categoryId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0
    }),
    _ts_metadata("design:type", Number)
], SalesByCategorySchema.prototype, "sold", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        description: 'Minor units.'
    }),
    _ts_metadata("design:type", Number)
], SalesByCategorySchema.prototype, "revenue", void 0);
SalesByCategorySchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'SalesByCategory'
    })
], SalesByCategorySchema);
let SalesByHourSchema = class SalesByHourSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time',
        description: 'The start of the hour, ISO 8601 UTC.'
    }),
    _ts_metadata("design:type", String)
], SalesByHourSchema.prototype, "hour", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0
    }),
    _ts_metadata("design:type", Number)
], SalesByHourSchema.prototype, "sold", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        description: 'Minor units.'
    }),
    _ts_metadata("design:type", Number)
], SalesByHourSchema.prototype, "revenue", void 0);
SalesByHourSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'SalesByHour'
    })
], SalesByHourSchema);
let ShowSalesResponseSchema = class ShowSalesResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], ShowSalesResponseSchema.prototype, "showId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        pattern: '^[A-Z]{3}$'
    }),
    _ts_metadata("design:type", String)
], ShowSalesResponseSchema.prototype, "currency", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: SalesByCategorySchema,
        isArray: true
    }),
    _ts_metadata("design:type", Array)
], ShowSalesResponseSchema.prototype, "byCategory", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: SalesByHourSchema,
        isArray: true
    }),
    _ts_metadata("design:type", Array)
], ShowSalesResponseSchema.prototype, "byHour", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0
    }),
    _ts_metadata("design:type", Number)
], ShowSalesResponseSchema.prototype, "holdsPlaced", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0
    }),
    _ts_metadata("design:type", Number)
], ShowSalesResponseSchema.prototype, "holdsExpired", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0
    }),
    _ts_metadata("design:type", Number)
], ShowSalesResponseSchema.prototype, "holdsCancelled", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0
    }),
    _ts_metadata("design:type", Number)
], ShowSalesResponseSchema.prototype, "bookingsConfirmed", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0
    }),
    _ts_metadata("design:type", Number)
], ShowSalesResponseSchema.prototype, "bookingsRefunded", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0,
        description: 'Minor units.'
    }),
    _ts_metadata("design:type", Number)
], ShowSalesResponseSchema.prototype, "refundedAmount", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0
    }),
    _ts_metadata("design:type", Number)
], ShowSalesResponseSchema.prototype, "paymentsDeclined", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'number',
        minimum: 0,
        description: 'bookingsConfirmed / holdsPlaced.'
    }),
    _ts_metadata("design:type", Number)
], ShowSalesResponseSchema.prototype, "conversion", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        description: 'Minor units: the list prices of the seats sold, net of refunds (the sum of `byCategory` revenue).'
    }),
    _ts_metadata("design:type", Number)
], ShowSalesResponseSchema.prototype, "revenueBeforeDiscounts", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        description: 'Minor units taken off by vouchers on the bookings paid, net of refunds.'
    }),
    _ts_metadata("design:type", Number)
], ShowSalesResponseSchema.prototype, "discounts", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        description: 'Minor units: `revenueBeforeDiscounts` less `discounts`, what was charged and kept.'
    }),
    _ts_metadata("design:type", Number)
], ShowSalesResponseSchema.prototype, "revenueAfterDiscounts", void 0);
ShowSalesResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'ShowSalesResponse'
    })
], ShowSalesResponseSchema);
let AuditEventMetadataSchema = class AuditEventMetadataSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'A user id, `system:<process>` or `device:<id>`.'
    }),
    _ts_metadata("design:type", String)
], AuditEventMetadataSchema.prototype, "actorId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], AuditEventMetadataSchema.prototype, "correlationId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], AuditEventMetadataSchema.prototype, "causationId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time'
    }),
    _ts_metadata("design:type", String)
], AuditEventMetadataSchema.prototype, "occurredAt", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        required: false
    }),
    _ts_metadata("design:type", Number)
], AuditEventMetadataSchema.prototype, "schemaVersion", void 0);
AuditEventMetadataSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'AuditEventMetadata'
    })
], AuditEventMetadataSchema);
let AuditEventSchema = class AuditEventSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0
    }),
    _ts_metadata("design:type", Number)
], AuditEventSchema.prototype, "revision", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(POSITION),
    _ts_metadata("design:type", String)
], AuditEventSchema.prototype, "position", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'booking.held.v1'
    }),
    _ts_metadata("design:type", String)
], AuditEventSchema.prototype, "type", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'object',
        additionalProperties: true,
        description: 'The event payload; secrets (hashes) are `[redacted]`.'
    }),
    _ts_metadata("design:type", typeof Record === "undefined" ? Object : Record)
], AuditEventSchema.prototype, "data", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: AuditEventMetadataSchema
    }),
    _ts_metadata("design:type", typeof AuditEventMetadataSchema === "undefined" ? Object : AuditEventMetadataSchema)
], AuditEventSchema.prototype, "metadata", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time'
    }),
    _ts_metadata("design:type", String)
], AuditEventSchema.prototype, "recordedAt", void 0);
AuditEventSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'AuditEvent'
    })
], AuditEventSchema);
let StreamAuditResponseSchema = class StreamAuditResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'booking-6f1c…'
    }),
    _ts_metadata("design:type", String)
], StreamAuditResponseSchema.prototype, "stream", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'string',
        nullable: true,
        description: 'The aggregate the state was folded with, when the prefix names one.'
    }),
    _ts_metadata("design:type", Object)
], StreamAuditResponseSchema.prototype, "aggregate", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0,
        description: 'The revision the state is as of.'
    }),
    _ts_metadata("design:type", Number)
], StreamAuditResponseSchema.prototype, "at", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: AuditEventSchema,
        isArray: true
    }),
    _ts_metadata("design:type", Array)
], StreamAuditResponseSchema.prototype, "events", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'object',
        additionalProperties: true,
        nullable: true,
        description: 'The aggregate state as of `at` (null for a stream no aggregate owns); secrets are `[redacted]`.'
    }),
    _ts_metadata("design:type", Object)
], StreamAuditResponseSchema.prototype, "state", void 0);
StreamAuditResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'StreamAuditResponse'
    })
], StreamAuditResponseSchema);

//# sourceMappingURL=operations.schema.js.map