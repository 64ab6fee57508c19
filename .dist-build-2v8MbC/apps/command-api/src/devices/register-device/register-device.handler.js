"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RegisterDeviceHandler", {
    enumerable: true,
    get: function() {
        return RegisterDeviceHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _devicekeys = require("../../../../../libs/platform/src/security/device-keys");
const _devicedirectory = require("../rule-engine/device-directory");
const _registerdevicecommand = require("./register-device.command");
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
let RegisterDeviceHandler = class RegisterDeviceHandler {
    constructor(events, keys, directory){
        this.events = events;
        this.keys = keys;
        this.directory = directory;
    }
    async execute({ deviceId, venueId, deviceType, name, context }) {
        const stream = (0, _contracts.deviceStream)(deviceId);
        const { key, hash } = this.keys.issue();
        return (0, _handlecommand.handleCommand)(this.events, {
            context,
            read: (streams)=>streams.read(stream, _domain.Device.deviceDecider),
            decide: (device)=>{
                const registered = _domain.Device.decide({
                    type: 'RegisterDevice',
                    data: {
                        deviceId,
                        venueId,
                        deviceType,
                        name,
                        keyHash: hash
                    },
                    metadata: {
                        now: context.now.toISOString()
                    }
                }, device.state);
                return {
                    append: {
                        [stream]: registered
                    },
                    answer: ({ position })=>{
                        for (const event of registered)this.directory.apply({
                            ...event,
                            position
                        });
                        return {
                            deviceId,
                            deviceKey: key,
                            position: String(position)
                        };
                    }
                };
            }
        });
    }
};
RegisterDeviceHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_registerdevicecommand.RegisterDeviceCommand),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _devicekeys.DeviceKeys === "undefined" ? Object : _devicekeys.DeviceKeys,
        typeof _devicedirectory.DeviceDirectory === "undefined" ? Object : _devicedirectory.DeviceDirectory
    ])
], RegisterDeviceHandler);

//# sourceMappingURL=register-device.handler.js.map