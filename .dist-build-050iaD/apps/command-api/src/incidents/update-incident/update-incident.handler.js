"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "UpdateIncidentHandler", {
    enumerable: true,
    get: function() {
        return UpdateIncidentHandler;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _slapolicy = require("../sla-policy");
const _updateincidentcommand = require("./update-incident.command");
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
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
let UpdateIncidentHandler = class UpdateIncidentHandler {
    constructor(store, sla){
        this.store = store;
        this.sla = sla;
    }
    execute({ incidentId, staffId, changes, context }) {
        const stream = (0, _contracts.incidentStream)(incidentId);
        const command = {
            type: 'UpdateIncident',
            data: {
                incidentId,
                by: staffId,
                ...changes.status === undefined ? {} : {
                    status: changes.status
                },
                ...changes.assigneeId === undefined ? {} : {
                    assigneeId: changes.assigneeId
                },
                ...changes.impact === undefined ? {} : {
                    impact: changes.impact
                },
                ...changes.severity === undefined ? {} : {
                    severity: changes.severity
                },
                ...changes.note === undefined ? {} : {
                    note: changes.note
                }
            },
            metadata: {
                now: context.now.toISOString(),
                sla: this.sla
            }
        };
        return (0, _handlecommand.handleCommand)(this.store, {
            context,
            read: (streams)=>streams.read(stream, _domain.Incident.incidentDecider),
            decide: (incident)=>{
                const events = _domain.Incident.decide(command, incident.state);
                const after = events.reduce(_domain.Incident.evolve, incident.state);
                if (!(0, _domain.isIncidentOpened)(after)) throw new Error('an incident the decider changed must exist');
                const answer = (position)=>({
                        incidentId,
                        status: after.status,
                        priority: after.priority,
                        position: String(position)
                    });
                if (events.length === 0) return {
                    answer: answer(incident.events.at(-1)?.position ?? 0)
                };
                return {
                    append: {
                        [stream]: events
                    },
                    answer: ({ position })=>answer(position)
                };
            }
        });
    }
};
UpdateIncidentHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_updateincidentcommand.UpdateIncidentCommand),
    _ts_param(1, (0, _common.Inject)(_slapolicy.SLA_POLICY)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof SlaPolicy === "undefined" ? Object : SlaPolicy
    ])
], UpdateIncidentHandler);

//# sourceMappingURL=update-incident.handler.js.map