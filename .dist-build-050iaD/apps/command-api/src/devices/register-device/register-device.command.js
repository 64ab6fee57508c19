"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RegisterDeviceCommand", {
    enumerable: true,
    get: function() {
        return RegisterDeviceCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let RegisterDeviceCommand = class RegisterDeviceCommand extends _cqrs.Command {
    constructor(deviceId, venueId, deviceType, name, context){
        super(), this.deviceId = deviceId, this.venueId = venueId, this.deviceType = deviceType, this.name = name, this.context = context;
    }
};

//# sourceMappingURL=register-device.command.js.map