"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RecordSlaBreachHandler", {
    enumerable: true,
    get: function() {
        return RecordSlaBreachHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _recordslabreachcommand = require("./record-sla-breach.command");
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
let RecordSlaBreachHandler = class RecordSlaBreachHandler {
    constructor(store){
        this.store = store;
    }
    execute({ incidentId, kind, now }) {
        const stream = (0, _contracts.incidentStream)(incidentId);
        const context = {
            actorId: 'system:sla',
            correlationId: incidentId,
            causationId: `sla-breach:${incidentId}:${kind}`,
            now
        };
        const command = {
            type: 'RecordSlaBreach',
            data: {
                incidentId,
                kind
            },
            metadata: {
                now: now.toISOString()
            }
        };
        return (0, _handlecommand.handleCommand)(this.store, {
            context,
            read: (streams)=>streams.read(stream, _domain.Incident.incidentDecider),
            decide: (incident)=>{
                const events = _domain.Incident.decide(command, incident.state);
                if (events.length === 0) return {
                    answer: {
                        breached: false
                    }
                };
                return {
                    append: {
                        [stream]: events
                    },
                    answer: ({ position })=>({
                            breached: true,
                            position: String(position)
                        })
                };
            }
        });
    }
};
RecordSlaBreachHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_recordslabreachcommand.RecordSlaBreachCommand),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore
    ])
], RecordSlaBreachHandler);

//# sourceMappingURL=record-sla-breach.handler.js.map