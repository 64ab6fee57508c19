"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "DeviceAuthentication", {
    enumerable: true,
    get: function() {
        return DeviceAuthentication;
    }
});
const _common = require("@nestjs/common");
const _domain = require("../../../../../libs/domain/src");
const _devicekeys = require("../../../../../libs/platform/src/security/device-keys");
const _devicedirectory = require("../rule-engine/device-directory");
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
let DeviceAuthentication = class DeviceAuthentication {
    constructor(directory, keys){
        this.directory = directory;
        this.keys = keys;
    }
    /** The device, or null for an unknown device or a wrong key. */ async verify(deviceId, presentedKey) {
        await this.directory.caughtUp;
        const device = this.directory.device(deviceId);
        return this.keys.verify(presentedKey, device?.keyHash) ? device ?? null : null;
    }
    async authenticate(deviceId, presentedKey) {
        const device = await this.verify(deviceId, presentedKey);
        if (!device) throw new _domain.DomainError('INVALID_DEVICE_KEY', 'unknown device or wrong device key');
        return device;
    }
};
DeviceAuthentication = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _devicedirectory.DeviceDirectory === "undefined" ? Object : _devicedirectory.DeviceDirectory,
        typeof _devicekeys.DeviceKeys === "undefined" ? Object : _devicekeys.DeviceKeys
    ])
], DeviceAuthentication);

//# sourceMappingURL=device-authentication.js.map