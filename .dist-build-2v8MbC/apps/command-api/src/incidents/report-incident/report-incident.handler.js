"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ReportIncidentHandler", {
    enumerable: true,
    get: function() {
        return ReportIncidentHandler;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _slapolicy = require("../sla-policy");
const _reportincidentcommand = require("./report-incident.command");
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
let ReportIncidentHandler = class ReportIncidentHandler {
    constructor(store, sla){
        this.store = store;
        this.sla = sla;
    }
    execute({ incidentId, reporterId, request, context }) {
        const stream = (0, _contracts.incidentStream)(incidentId);
        const { location } = request;
        const command = {
            type: 'ReportIncident',
            data: {
                incidentId,
                reporterId,
                title: request.title,
                description: request.description ?? '',
                // Only the fields given: the DTO instance may carry none of them.
                location: {
                    ...location?.showId === undefined ? {} : {
                        showId: location.showId
                    },
                    ...location?.seatId === undefined ? {} : {
                        seatId: location.seatId
                    },
                    ...location?.area === undefined ? {} : {
                        area: location.area
                    }
                },
                category: request.category,
                urgency: request.urgency
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
                // Retried with the same Idempotency-Key after the report was written: the first answer again.
                const reported = incident.events.find((event)=>event.type === 'incident.reported.v1' && event.metadata.causationId === context.causationId);
                if (reported) {
                    const { priority } = reported.data;
                    return {
                        answer: {
                            incidentId,
                            status: 'new',
                            priority,
                            position: String(reported.position)
                        }
                    };
                }
                const events = _domain.Incident.decide(command, incident.state);
                const [{ data }] = events;
                return {
                    append: {
                        [stream]: events
                    },
                    answer: ({ position })=>({
                            incidentId,
                            status: 'new',
                            priority: data.priority,
                            position: String(position)
                        })
                };
            }
        });
    }
};
ReportIncidentHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_reportincidentcommand.ReportIncidentCommand),
    _ts_param(1, (0, _common.Inject)(_slapolicy.SLA_POLICY)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof SlaPolicy === "undefined" ? Object : SlaPolicy
    ])
], ReportIncidentHandler);

//# sourceMappingURL=report-incident.handler.js.map