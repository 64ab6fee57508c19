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
    get OutboxItemSchema () {
        return OutboxItemSchema;
    },
    get OutboxResponseSchema () {
        return OutboxResponseSchema;
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
let OutboxItemSchema = class OutboxItemSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'The outbox id: the kind and what it is about (`booking-confirmed-{bookingId}`).'
    }),
    _ts_metadata("design:type", String)
], OutboxItemSchema.prototype, "id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'email'
    }),
    _ts_metadata("design:type", String)
], OutboxItemSchema.prototype, "to", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], OutboxItemSchema.prototype, "subject", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: [
            'welcome',
            'booking-held',
            'hold-expiring',
            'booking-confirmed',
            'booking-expired',
            'refund',
            'show-cancelled',
            'ticket-sent',
            'ticket-received',
            'incident-status'
        ]
    }),
    _ts_metadata("design:type", String)
], OutboxItemSchema.prototype, "kind", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'The id of the event the e-mail tells of.'
    }),
    _ts_metadata("design:type", String)
], OutboxItemSchema.prototype, "eventId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'string',
        format: 'date-time',
        nullable: true,
        description: 'When the server accepted it; null until then.'
    }),
    _ts_metadata("design:type", Object)
], OutboxItemSchema.prototype, "sentAt", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: [
            'sent',
            'retrying',
            'failed'
        ],
        description: '`retrying`: due, or tried and waiting for its next attempt. `failed`: refused for good (5xx) or out of attempts.'
    }),
    _ts_metadata("design:type", String)
], OutboxItemSchema.prototype, "status", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0
    }),
    _ts_metadata("design:type", Number)
], OutboxItemSchema.prototype, "attempts", void 0);
OutboxItemSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'OutboxItem'
    })
], OutboxItemSchema);
let OutboxResponseSchema = class OutboxResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: OutboxItemSchema,
        isArray: true,
        description: 'Newest first.'
    }),
    _ts_metadata("design:type", Array)
], OutboxResponseSchema.prototype, "items", void 0);
OutboxResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'OutboxResponse'
    })
], OutboxResponseSchema);

//# sourceMappingURL=outbox.schema.js.map