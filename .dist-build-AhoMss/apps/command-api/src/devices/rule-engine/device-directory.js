"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "DeviceDirectory", {
    enumerable: true,
    get: function() {
        return DeviceDirectory;
    }
});
const _common = require("@nestjs/common");
const _contracts = require("../../../../../libs/contracts/src");
const _subscriptions = require("../../../../../libs/platform/src/subscriptions/subscriptions");
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
const EVENT_TYPES = [
    'device.registered.v1',
    'ops.rules_set.v1'
];
let DeviceDirectory = class DeviceDirectory {
    constructor(subscriptions){
        this.devices = new Map();
        this.activeRules = _contracts.DEFAULT_DEVICE_RULES;
        this.rulesPosition = 0;
        this.subscription = subscriptions.create({
            name: 'device-directory',
            filter: {
                eventTypes: EVENT_TYPES
            },
            readiness: 'caught-up',
            handler: {
                handle: async (events)=>events.forEach((event)=>this.apply(event))
            }
        });
    }
    async onApplicationBootstrap() {
        await this.subscription.start();
    }
    async beforeApplicationShutdown() {
        await this.subscription.stop();
    }
    get caughtUp() {
        return this.subscription.caughtUp;
    }
    device(deviceId) {
        return this.devices.get(deviceId);
    }
    get rules() {
        return this.activeRules;
    }
    /** What this process appended itself, known before the subscription brings it back. */ apply(event) {
        if (event.type === 'device.registered.v1') {
            const { deviceId, venueId, deviceType, keyHash } = event.data;
            this.devices.set(deviceId, {
                deviceId,
                venueId,
                deviceType,
                keyHash
            });
        } else if (event.type === 'ops.rules_set.v1' && event.position > this.rulesPosition) {
            this.activeRules = event.data.rules;
            this.rulesPosition = event.position;
        }
    }
};
DeviceDirectory = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _subscriptions.Subscriptions === "undefined" ? Object : _subscriptions.Subscriptions
    ])
], DeviceDirectory);

//# sourceMappingURL=device-directory.js.map