"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "DeviceRulesHandler", {
    enumerable: true,
    get: function() {
        return DeviceRulesHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _devicerulesquery = require("./device-rules.query");
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
let DeviceRulesHandler = class DeviceRulesHandler {
    constructor(events){
        this.events = events;
    }
    async execute() {
        const [last] = await this.events.readStream(_contracts.DEVICE_RULES_STREAM, {
            direction: 'backwards',
            maxCount: 1
        });
        return {
            rules: last ? last.data.rules : [
                ..._contracts.DEFAULT_DEVICE_RULES
            ]
        };
    }
};
DeviceRulesHandler = _ts_decorate([
    (0, _cqrs.QueryHandler)(_devicerulesquery.DeviceRulesQuery),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore
    ])
], DeviceRulesHandler);

//# sourceMappingURL=device-rules.handler.js.map