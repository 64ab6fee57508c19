"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "IncidentsModule", {
    enumerable: true,
    get: function() {
        return IncidentsModule;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _platformmodule = require("../../../../libs/platform/src/platform.module");
const _deviceincidentreaction = require("./device-incidents/device-incident.reaction");
const _reportincidenthandler = require("./report-incident/report-incident.handler");
const _reportincidenthttpcontroller = require("./report-incident/report-incident.http.controller");
const _recordslabreachhandler = require("./sla-breaches/record-sla-breach.handler");
const _slabreachschedule = require("./sla-breaches/sla-breach-schedule");
const _slapolicy = require("./sla-policy");
const _updateincidenthandler = require("./update-incident/update-incident.handler");
const _updateincidenthttpcontroller = require("./update-incident/update-incident.http.controller");
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
let IncidentsModule = class IncidentsModule {
};
IncidentsModule = _ts_decorate([
    (0, _common.Module)({
        imports: [
            _cqrs.CqrsModule
        ],
        controllers: [
            _reportincidenthttpcontroller.ReportIncidentHttpController,
            _updateincidenthttpcontroller.UpdateIncidentHttpController
        ],
        providers: [
            {
                provide: _slapolicy.SLA_POLICY,
                useFactory: _slapolicy.slaPolicyOf,
                inject: [
                    _platformmodule.CONFIG
                ]
            },
            _reportincidenthandler.ReportIncidentHandler,
            _updateincidenthandler.UpdateIncidentHandler,
            _recordslabreachhandler.RecordSlaBreachHandler,
            _slabreachschedule.SlaBreachSchedule,
            _deviceincidentreaction.DeviceIncidentReaction
        ],
        exports: [
            _slabreachschedule.SlaBreachSchedule,
            _deviceincidentreaction.DeviceIncidentReaction
        ]
    })
], IncidentsModule);

//# sourceMappingURL=incidents.module.js.map