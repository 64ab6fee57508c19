"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "SetDeviceRulesHandler", {
    enumerable: true,
    get: function() {
        return SetDeviceRulesHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _eventsourcing = require("../../../../../libs/platform/src/commands/event-sourcing");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _validation = require("../../../../../libs/platform/src/http/validation");
const _devicedirectory = require("../rule-engine/device-directory");
const _setdevicerulescommand = require("./set-device-rules.command");
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
let SetDeviceRulesHandler = class SetDeviceRulesHandler {
    constructor(events, directory){
        this.events = events;
        this.directory = directory;
    }
    async execute({ rules, context }) {
        const problems = (0, _contracts.ruleProblems)(rules);
        if (problems.length > 0) throw new _validation.ValidationFailedException(problems);
        const plain = rules.map(({ ruleId, deviceTypes, when, severity, raiseAfterSeconds, clearAfterSeconds })=>({
                ruleId,
                deviceTypes: [
                    ...deviceTypes
                ],
                when: {
                    field: when.field,
                    op: when.op,
                    value: when.value
                },
                severity,
                raiseAfterSeconds,
                clearAfterSeconds
            }));
        const event = {
            type: 'ops.rules_set.v1',
            data: {
                rules: plain,
                setAt: context.now.toISOString()
            }
        };
        const { position } = await this.events.append(_contracts.DEVICE_RULES_STREAM, (0, _eventsourcing.toAppend)(_contracts.DEVICE_RULES_STREAM, [
            event
        ], context), {
            expectedRevision: 'any'
        });
        this.directory.apply({
            ...event,
            position
        });
        return {
            rules: plain,
            position: String(position)
        };
    }
};
SetDeviceRulesHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_setdevicerulescommand.SetDeviceRulesCommand),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _devicedirectory.DeviceDirectory === "undefined" ? Object : _devicedirectory.DeviceDirectory
    ])
], SetDeviceRulesHandler);

//# sourceMappingURL=set-device-rules.handler.js.map