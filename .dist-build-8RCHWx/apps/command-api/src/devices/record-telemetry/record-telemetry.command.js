"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RecordTelemetryCommand", {
    enumerable: true,
    get: function() {
        return RecordTelemetryCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let RecordTelemetryCommand = class RecordTelemetryCommand extends _cqrs.Command {
    constructor(deviceId, deviceKey, body, correlationId){
        super(), this.deviceId = deviceId, this.deviceKey = deviceKey, this.body = body, this.correlationId = correlationId;
    }
};

//# sourceMappingURL=record-telemetry.command.js.map