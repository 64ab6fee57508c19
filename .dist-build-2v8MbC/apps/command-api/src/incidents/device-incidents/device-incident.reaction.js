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
    get DEVICE_INCIDENTS_CHECKPOINT () {
        return DEVICE_INCIDENTS_CHECKPOINT;
    },
    get DeviceIncidentReaction () {
        return DeviceIncidentReaction;
    }
});
const _common = require("@nestjs/common");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _subscriptions = require("../../../../../libs/platform/src/subscriptions/subscriptions");
const _clock = require("../../../../../libs/platform/src/time/clock");
const _slapolicy = require("../sla-policy");
const _logreaction = require("../../reactions/log-reaction");
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
const DEVICE_INCIDENTS_CHECKPOINT = 'command-api.device-incidents';
let DeviceIncidentReaction = class DeviceIncidentReaction extends _logreaction.LogReaction {
    constructor(subscriptions, events, clock, sla){
        super(subscriptions, DEVICE_INCIDENTS_CHECKPOINT, _contracts.DEVICE_RULE_EVENT_TYPES), this.events = events, this.clock = clock, this.sla = sla, this.logger = new _common.Logger('DeviceIncidents');
    }
    async handle(event) {
        const context = {
            actorId: event.metadata.actorId,
            correlationId: event.metadata.correlationId,
            causationId: event.id,
            now: this.clock.now()
        };
        const command = this.commandFor(event);
        if (!command) {
            this.logger.warn({
                eventId: event.id,
                stream: event.stream,
                type: event.type
            }, 'a device rule event without the fields an incident needs; ignored');
            return;
        }
        try {
            await this.decideAndAppend(command.data.incidentId, context, command);
        } catch (error) {
            // A refusal is the same on every retry (a clear for an incident never raised, a time that is
            // not one): retrying would stall every device incident after it. Skip it, loudly.
            if (!(error instanceof _domain.DomainError)) throw error;
            this.logger.warn({
                eventId: event.id,
                incidentId: command.data.incidentId,
                code: error.code
            }, `a device rule event was refused: ${error.message}; ignored`);
        }
    }
    /** The command a device rule event asks for, or undefined when the event lacks what it needs. */ commandFor(event) {
        const text = (value)=>typeof value === 'string' && value.length > 0;
        if (event.type === 'device.rule_raised.v1') {
            const data = event.data;
            const { incidentId, deviceId, venueId, deviceType, ruleId, severity, raisedAt, reading } = data;
            if (!text(incidentId) || !_contracts.ENTITY_ID_PATTERN.test(incidentId) || !text(deviceId) || !text(venueId) || !text(deviceType) || !text(ruleId) || !text(raisedAt)) return undefined;
            if (!_contracts.INCIDENT_SEVERITIES.includes(severity)) return undefined;
            return {
                type: 'RaiseFromDevice',
                data: {
                    incidentId,
                    deviceId,
                    venueId,
                    deviceType,
                    ruleId,
                    severity: severity,
                    raisedAt,
                    reading: reading ?? {}
                },
                metadata: {
                    sla: this.sla
                }
            };
        }
        if (event.type === 'device.rule_cleared.v1') {
            const { incidentId, deviceId, clearedAt } = event.data;
            if (!text(incidentId) || !_contracts.ENTITY_ID_PATTERN.test(incidentId) || !text(deviceId) || !text(clearedAt)) return undefined;
            return {
                type: 'ResolveFromDevice',
                data: {
                    incidentId,
                    deviceId,
                    clearedAt
                }
            };
        }
        return undefined;
    }
    /** Read the incident (no stream yet, for a raise), decide, append at the revision read. */ decideAndAppend(incidentId, context, command) {
        const stream = (0, _contracts.incidentStream)(incidentId);
        return (0, _handlecommand.handleCommand)(this.events, {
            context,
            read: (streams)=>streams.read(stream, _domain.Incident.incidentDecider),
            decide: (incident)=>{
                const events = _domain.Incident.decide(command, incident.state);
                return events.length === 0 ? {
                    answer: undefined
                } : {
                    append: {
                        [stream]: events
                    },
                    answer: ()=>undefined
                };
            }
        });
    }
};
DeviceIncidentReaction = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(3, (0, _common.Inject)(_slapolicy.SLA_POLICY)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _subscriptions.Subscriptions === "undefined" ? Object : _subscriptions.Subscriptions,
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock,
        typeof SlaPolicy === "undefined" ? Object : SlaPolicy
    ])
], DeviceIncidentReaction);

//# sourceMappingURL=device-incident.reaction.js.map