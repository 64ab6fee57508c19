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
    get LiveEventSchema () {
        return LiveEventSchema;
    },
    get LiveEventsResponseSchema () {
        return LiveEventsResponseSchema;
    },
    get StreamTokenResponseSchema () {
        return StreamTokenResponseSchema;
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
let LiveEventSchema = class LiveEventSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: "The event's id (UUID), the same on every channel."
    }),
    _ts_metadata("design:type", String)
], LiveEventSchema.prototype, "id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'Global log position: the SSE `id:` that `Last-Event-ID` resumes after.'
    }),
    _ts_metadata("design:type", Number)
], LiveEventSchema.prototype, "position", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'booking.placed.v1'
    }),
    _ts_metadata("design:type", String)
], LiveEventSchema.prototype, "type", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'booking-0b5e…'
    }),
    _ts_metadata("design:type", String)
], LiveEventSchema.prototype, "stream", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time'
    }),
    _ts_metadata("design:type", String)
], LiveEventSchema.prototype, "occurredAt", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'object',
        additionalProperties: true,
        description: "The event's payload (for fans, seat events carry only showId and seatId)."
    }),
    _ts_metadata("design:type", Object)
], LiveEventSchema.prototype, "data", void 0);
LiveEventSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'LiveEvent'
    })
], LiveEventSchema);
let LiveEventsResponseSchema = class LiveEventsResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: LiveEventSchema,
        isArray: true,
        description: 'Newest first.'
    }),
    _ts_metadata("design:type", Array)
], LiveEventsResponseSchema.prototype, "items", void 0);
LiveEventsResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'LiveEventsResponse'
    })
], LiveEventsResponseSchema);
let StreamTokenResponseSchema = class StreamTokenResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'Single use, for GET /api/notifications/stream?token=…'
    }),
    _ts_metadata("design:type", String)
], StreamTokenResponseSchema.prototype, "token", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 60,
        description: 'Seconds.'
    }),
    _ts_metadata("design:type", Number)
], StreamTokenResponseSchema.prototype, "expiresIn", void 0);
StreamTokenResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'StreamTokenResponse'
    })
], StreamTokenResponseSchema);

//# sourceMappingURL=responses.schema.js.map