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
    get SLA_BREACH_CHECKPOINT () {
        return SLA_BREACH_CHECKPOINT;
    },
    get SlaBreachSchedule () {
        return SlaBreachSchedule;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _platformmodule = require("../../../../../libs/platform/src/platform.module");
const _subscriptions = require("../../../../../libs/platform/src/subscriptions/subscriptions");
const _clock = require("../../../../../libs/platform/src/time/clock");
const _logschedule = require("../../schedules/log-schedule");
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
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
const SLA_BREACH_CHECKPOINT = 'command-api.sla-breaches';
const keyOf = (incidentId, kind)=>`${incidentId}/${kind}`;
const KINDS = [
    'acknowledge',
    'resolve'
];
let SlaBreachSchedule = class SlaBreachSchedule extends _logschedule.LogSchedule {
    constructor(subscriptions, commands, clock, config){
        super(new _common.Logger('SlaBreachSchedule'), {
            checkpoint: SLA_BREACH_CHECKPOINT,
            filter: {
                streamPrefixes: [
                    _contracts.INCIDENT_STREAM_PREFIX
                ]
            },
            sweepIntervalMs: config.SLA_SWEEP_INTERVAL_MS
        }, subscriptions, clock), this.commands = commands;
        // Where a breach is raised: the alert on missed deadlines counts these. Every kind starts at
        // 0, so increase() sees the first breach and the alert has a series to evaluate from the start.
        this.breaches = subscriptions.metrics.counter('tessera_incidents_sla_breached_total', 'Incident deadlines missed (incident.sla_breached.v1 appended by this instance), by kind: acknowledge or resolve', [
            'kind'
        ]);
        for (const kind of KINDS)this.breaches.inc({
            kind
        }, 0);
    }
    track(event, recorded) {
        const { position } = recorded;
        switch(event.type){
            case 'incident.reported.v1':
                this.wait(event.data.incidentId, event.data.deadlines, KINDS, position);
                break;
            case 'incident.status_changed.v1':
                {
                    const { incidentId, from, to, at, deadlines } = event.data;
                    const at_ = Date.parse(at);
                    if (from === 'new' && at_ <= Date.parse(deadlines.acknowledgeBy)) this.remove(keyOf(incidentId, 'acknowledge'));
                    // Resolved in time, or paused in time (pending stops the resolve clock).
                    if ((!(0, _domain.isOpenIncidentStatus)(to) || to === 'pending') && at_ <= Date.parse(deadlines.resolveBy)) this.remove(keyOf(incidentId, 'resolve'));
                    // Reopened, or back from pending: the resolve clock runs again, to the deadline the event names.
                    if (to === 'in_progress' && (!(0, _domain.isOpenIncidentStatus)(from) || from === 'pending')) this.wait(incidentId, deadlines, [
                        'resolve'
                    ], position);
                    break;
                }
            case 'incident.reprioritized.v1':
                {
                    const { incidentId, deadlines } = event.data;
                    this.wait(incidentId, deadlines, KINDS.filter((kind)=>this.pending().has(keyOf(incidentId, kind))), position);
                    break;
                }
            case 'incident.sla_breached.v1':
                this.remove(keyOf(event.data.incidentId, event.data.kind));
                break;
            default:
                break;
        }
    }
    wait(incidentId, deadlines, kinds, position) {
        for (const kind of kinds){
            const deadline = kind === 'acknowledge' ? deadlines.acknowledgeBy : deadlines.resolveBy;
            this.add(keyOf(incidentId, kind), {
                dueAt: Date.parse(deadline),
                position
            });
        }
    }
    dueAt(entry) {
        return entry.dueAt;
    }
    async work(key, now) {
        const slash = key.lastIndexOf('/');
        const kind = key.slice(slash + 1);
        const { breached } = await this.commands.execute(new _recordslabreachcommand.RecordSlaBreachCommand(key.slice(0, slash), kind, now));
        if (breached) this.breaches.inc({
            kind
        });
    }
    workFailed(key, error) {
        this.logger.warn({
            err: error,
            deadline: key
        }, 'could not check an incident deadline; will try again');
    }
};
SlaBreachSchedule = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(3, (0, _platformmodule.InjectConfig)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _subscriptions.Subscriptions === "undefined" ? Object : _subscriptions.Subscriptions,
        typeof _cqrs.CommandBus === "undefined" ? Object : _cqrs.CommandBus,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock,
        typeof TesseraConfig === "undefined" ? Object : TesseraConfig
    ])
], SlaBreachSchedule);

//# sourceMappingURL=sla-breach-schedule.js.map