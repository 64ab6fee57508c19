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
    get NotificationChannels () {
        return NotificationChannels;
    },
    get PermanentDeliveryError () {
        return PermanentDeliveryError;
    },
    get RetryableDeliveryError () {
        return RetryableDeliveryError;
    }
});
const _common = require("@nestjs/common");
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
let RetryableDeliveryError = class RetryableDeliveryError extends Error {
};
let PermanentDeliveryError = class PermanentDeliveryError extends Error {
};
let NotificationChannels = class NotificationChannels {
    register(channel) {
        if (this.channels.has(channel.name)) throw new Error(`notification channel ${channel.name} is registered twice`);
        this.channels.set(channel.name, channel);
    }
    all() {
        return [
            ...this.channels.values()
        ];
    }
    constructor(){
        this.channels = new Map();
    }
};
NotificationChannels = _ts_decorate([
    (0, _common.Injectable)()
], NotificationChannels);

//# sourceMappingURL=notification-channel.js.map