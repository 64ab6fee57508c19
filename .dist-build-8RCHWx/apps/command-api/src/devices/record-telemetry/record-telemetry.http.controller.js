"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RecordTelemetryHttpController", {
    enumerable: true,
    get: function() {
        return RecordTelemetryHttpController;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _idempotencyinterceptor = require("../../../../../libs/platform/src/http/idempotency.interceptor");
const _openapi1 = require("../../../../../libs/platform/src/http/openapi");
const _nodecrypto = require("node:crypto");
const _recordtelemetrycommand = require("./record-telemetry.command");
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
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
let RecordTelemetryHttpController = class RecordTelemetryHttpController {
    constructor(commands){
        this.commands = commands;
    }
    /** Public: the device key is the credential. Readings are not replayed for an Idempotency-Key (a repeat is harmless). */ telemetry(deviceId, deviceKey, body, req) {
        return this.commands.execute(new _recordtelemetrycommand.RecordTelemetryCommand(deviceId, deviceKey, body, req.id !== undefined ? String(req.id) : (0, _nodecrypto.randomUUID)()));
    }
};
_ts_decorate([
    (0, _auth.Public)(),
    (0, _idempotencyinterceptor.NoIdempotentReplay)(),
    (0, _swagger.ApiHeader)({
        name: 'X-Device-Key',
        required: true,
        description: 'The key shown when the device was registered.'
    }),
    (0, _swagger.ApiBody)({
        schema: _openapi.TelemetryBodySchema
    }),
    (0, _swagger.ApiAcceptedResponse)({
        type: _openapi.TelemetryAcceptedSchema
    }),
    (0, _openapi1.ApiProblems)('INVALID_DEVICE_KEY'),
    (0, _common.Post)(':deviceId/telemetry'),
    (0, _common.HttpCode)(_common.HttpStatus.ACCEPTED),
    _ts_param(0, (0, _common.Param)('deviceId')),
    _ts_param(1, (0, _common.Headers)('x-device-key')),
    _ts_param(2, (0, _common.Body)()),
    _ts_param(3, (0, _common.Req)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        String,
        Object,
        Object,
        typeof _auth.AuthenticatedRequest === "undefined" ? Object : _auth.AuthenticatedRequest
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], RecordTelemetryHttpController.prototype, "telemetry", null);
RecordTelemetryHttpController = _ts_decorate([
    (0, _common.Controller)('api/devices'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.CommandBus === "undefined" ? Object : _cqrs.CommandBus
    ])
], RecordTelemetryHttpController);

//# sourceMappingURL=record-telemetry.http.controller.js.map