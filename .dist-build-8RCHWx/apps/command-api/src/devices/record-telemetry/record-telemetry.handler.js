"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RecordTelemetryHandler", {
    enumerable: true,
    get: function() {
        return RecordTelemetryHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _validation = require("../../../../../libs/platform/src/http/validation");
const _clock = require("../../../../../libs/platform/src/time/clock");
const _deviceruleengine = require("../rule-engine/device-rule-engine");
const _deviceauthentication = require("./device-authentication");
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
let RecordTelemetryHandler = class RecordTelemetryHandler {
    constructor(authentication, engine, clock){
        this.authentication = authentication;
        this.engine = engine;
        this.clock = clock;
    }
    async execute({ deviceId, deviceKey, body, correlationId }) {
        await this.authentication.authenticate(deviceId, deviceKey);
        const parsed = (0, _contracts.parseTelemetry)(body, this.clock.now().getTime());
        if ('errors' in parsed) throw new _validation.ValidationFailedException(parsed.errors);
        await this.engine.record(deviceId, parsed.readings, 'http', {
            correlationId
        });
        return {
            accepted: parsed.readings.length
        };
    }
};
RecordTelemetryHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_recordtelemetrycommand.RecordTelemetryCommand),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _deviceauthentication.DeviceAuthentication === "undefined" ? Object : _deviceauthentication.DeviceAuthentication,
        typeof _deviceruleengine.DeviceRuleEngine === "undefined" ? Object : _deviceruleengine.DeviceRuleEngine,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock
    ])
], RecordTelemetryHandler);

//# sourceMappingURL=record-telemetry.handler.js.map