"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "DeviceRuleEngine", {
    enumerable: true,
    get: function() {
        return DeviceRuleEngine;
    }
});
const _common = require("@nestjs/common");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _eventsourcing = require("../../../../../libs/platform/src/commands/event-sourcing");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _platformmodule = require("../../../../../libs/platform/src/platform.module");
const _metrics = require("../../../../../libs/platform/src/observability/metrics");
const _readstoreport = require("../../../../../libs/platform/src/read-store/read-store.port");
const _clock = require("../../../../../libs/platform/src/time/clock");
const _readmodels = require("../../../../../libs/read-models/src");
const _devicedirectory = require("./device-directory");
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
const ATTEMPTS = 5;
const TRANSPORTS = [
    'http',
    'mqtt'
];
let DeviceRuleEngine = class DeviceRuleEngine {
    constructor(events, reads, directory, clock, ids, metrics, config){
        this.events = events;
        this.reads = reads;
        this.directory = directory;
        this.clock = clock;
        this.ids = ids;
        this.config = config;
        this.logger = new _common.Logger('DeviceRules');
        this.entries = new Map();
        this.loading = new Map();
        this.queues = new Map();
        this.flushing = Promise.resolve();
        this.transitions = metrics.counter('tessera_device_transitions_total', 'Device events the rule engine appended, by type', [
            'type'
        ]);
        this.readings = metrics.counter('tessera_device_readings_total', 'Telemetry readings through the rules, by transport', [
            'transport'
        ]);
        // Both transports from the start, so rate() and the dashboards see the first readings.
        for (const transport of TRANSPORTS)this.readings.inc({
            transport
        }, 0);
        this.conflicts = metrics.counter('tessera_device_rule_conflicts_total', 'Rule decisions re-taken because another engine appended to the device first');
    }
    async onApplicationBootstrap() {
        // The staleness sweep's query, on every instance every DEVICE_SILENCE_SWEEP_MS.
        await this.reads.collection(_readmodels.DEVICE_TELEMETRY).createIndex({
            silenceSettled: 1,
            lastSeenAt: 1
        }, {
            name: 'silence-sweep'
        });
        this.flushTimer = setInterval(()=>void this.flush(), this.config.DEVICE_STATE_FLUSH_MS);
        this.flushTimer.unref();
    }
    /**
   * The first shutdown hook: the timers reach the read store before anything saves it (the
   * embedded store's snapshot is written in the projector's `beforeApplicationShutdown`).
   */ async onModuleDestroy() {
        await Promise.allSettled([
            ...this.queues.values()
        ]);
        await this.flush();
    }
    /** Again, for readings that arrived since (the HTTP server closes after this hook). */ async beforeApplicationShutdown() {
        if (this.flushTimer) clearInterval(this.flushTimer);
        this.flushTimer = undefined;
        await Promise.allSettled([
            ...this.queues.values()
        ]);
        await this.flush();
    }
    /**
   * Runs readings of one registered device through the rules, oldest first. Resolves once their
   * transitions are in the log (the timers follow at the next flush).
   */ record(deviceId, readings, transport, options) {
        const sorted = [
            ...readings
        ].sort((a, b)=>Date.parse(a.at) - Date.parse(b.at));
        this.readings.inc({
            transport
        }, readings.length);
        return this.serialised(deviceId, ()=>this.decide(deviceId, options.correlationId, ()=>({
                    observations: sorted.map((reading)=>({
                            kind: 'reading',
                            reading
                        })),
                    seen: sorted.at(-1)
                })));
    }
    /** The staleness rule for every device heard last before the smallest threshold. Returns how many it checked. */ async sweepSilence() {
        await this.directory.caughtUp;
        const now = this.clock.now();
        const thresholds = this.directory.rules.filter((rule)=>rule.when.field === 'silentSeconds' && typeof rule.when.value === 'number');
        if (thresholds.length === 0) return 0;
        const smallest = Math.min(...thresholds.map((rule)=>rule.when.value));
        const cutoff = new Date(now.getTime() - smallest * 1000).toISOString();
        const candidates = new Set();
        for (const [deviceId, entry] of this.entries){
            if (entry.lastSeenAt !== undefined && entry.lastSeenAt <= cutoff && !this.silenceSettled(entry, thresholds)) candidates.add(deviceId);
        }
        const stored = await this.reads.collection(_readmodels.DEVICE_TELEMETRY).find({
            lastSeenAt: {
                $lte: cutoff
            },
            silenceSettled: {
                $ne: true
            }
        }, {
            projection: {
                _id: 1
            }
        });
        for (const { _id } of stored)if (!this.entries.has(_id)) candidates.add(_id);
        const correlationId = `silence-sweep:${now.toISOString()}`;
        const telemetry = this.reads.collection(_readmodels.DEVICE_TELEMETRY);
        for (const deviceId of candidates){
            await this.serialised(deviceId, async ()=>{
                // Another instance may have heard the device since this one did: the latest of both counts.
                const flushed = await telemetry.findOne({
                    _id: deviceId
                }, {
                    projection: {
                        lastSeenAt: 1
                    },
                    readOnly: true
                });
                return this.decide(deviceId, correlationId, (entry)=>{
                    const lastSeenAt = [
                        entry.lastSeenAt,
                        flushed?.lastSeenAt
                    ].filter((at)=>at !== undefined).sort().at(-1);
                    return lastSeenAt === undefined ? {
                        observations: []
                    } : {
                        observations: [
                            {
                                kind: 'silence',
                                lastSeenAt
                            }
                        ]
                    };
                });
            }).catch((error)=>this.logger.warn(`staleness check of device ${deviceId} failed: ${String(error)}`));
        }
        return candidates.size;
    }
    /** Writes the latest state of every device changed since the last flush. */ flush() {
        this.flushing = this.flushing.then(()=>this.writeDirty()).catch((error)=>this.logger.warn(`device state flush failed; retried at the next: ${String(error)}`));
        return this.flushing;
    }
    /** The engine's view of a device (tests, diagnostics). */ async stateOf(deviceId) {
        const entry = await this.entry(deviceId);
        return entry && {
            device: entry.device,
            timers: entry.timers,
            lastSeenAt: entry.lastSeenAt
        };
    }
    /** Nothing left for the sweep to do: no staleness rule watches the device, or it is silent with all of them raised. */ silenceSettled(entry, silentRules) {
        const watching = silentRules.filter((rule)=>rule.deviceTypes.includes(entry.device.deviceType));
        return watching.length === 0 || entry.device.status === 'silent' && watching.every((rule)=>entry.device.open[rule.ruleId] !== undefined);
    }
    async decide(deviceId, correlationId, observe) {
        for(let attempt = 1;; attempt++){
            const entry = await this.entry(deviceId);
            if (!entry) return;
            const { observations, seen } = observe(entry);
            const now = this.clock.now();
            let { device, timers } = entry;
            const decided = [];
            for (const observation of observations){
                const evaluated = _domain.DeviceRules.evaluate({
                    rules: this.directory.rules,
                    device,
                    timers,
                    observation,
                    now: now.toISOString(),
                    newIncidentId: ()=>this.ids.newId()
                });
                decided.push(...evaluated.events);
                device = (0, _domain.fold)(_domain.Device.evolve, device, evaluated.events);
                timers = evaluated.timers;
            }
            if (decided.length > 0) {
                const context = {
                    actorId: `device:${deviceId}`,
                    correlationId,
                    causationId: this.ids.newId(),
                    now
                };
                try {
                    const appended = await this.events.append((0, _contracts.deviceStream)(deviceId), (0, _eventsourcing.toAppend)((0, _contracts.deviceStream)(deviceId), decided, context), {
                        expectedRevision: entry.revision
                    });
                    entry.revision = appended.nextRevision;
                    for (const event of decided)this.transitions.inc({
                        type: event.type
                    });
                } catch (error) {
                    if (!(error instanceof _eventstoreport.WrongExpectedRevisionError) || attempt >= ATTEMPTS) throw error;
                    this.conflicts.inc();
                    await this.refresh(deviceId, entry);
                    continue;
                }
            }
            entry.device = device;
            entry.timers = timers;
            // Times compared as instants: `…:00Z` and `…:00.500Z` do not sort as strings.
            const seenAt = seen && Math.min(Date.parse(seen.at), now.getTime());
            if (seen && seenAt !== undefined && (entry.lastSeenAt === undefined || seenAt >= Date.parse(entry.lastSeenAt))) {
                const { status, temperature, battery, errorRate } = seen;
                entry.lastSeenAt = new Date(seenAt).toISOString();
                entry.last = {
                    status,
                    ...temperature === undefined ? {} : {
                        temperature
                    },
                    ...battery === undefined ? {} : {
                        battery
                    },
                    ...errorRate === undefined ? {} : {
                        errorRate
                    }
                };
            }
            if (decided.length > 0 || seen || observations.length > 0) entry.dirty = true;
            return;
        }
    }
    /** Another engine appended to the device: fold what it appended onto what this one holds. */ async refresh(deviceId, entry) {
        const newer = await this.events.readStream((0, _contracts.deviceStream)(deviceId), {
            fromRevision: entry.revision + 1
        });
        entry.device = (0, _domain.fold)(_domain.Device.evolve, entry.device, newer.map((event)=>({
                type: event.type,
                data: event.data
            })));
        if (newer.length > 0) entry.revision = newer[newer.length - 1].revision;
    }
    entry(deviceId) {
        const held = this.entries.get(deviceId);
        if (held) return Promise.resolve(held);
        let loading = this.loading.get(deviceId);
        if (!loading) {
            loading = this.load(deviceId).finally(()=>this.loading.delete(deviceId));
            this.loading.set(deviceId, loading);
        }
        return loading;
    }
    async load(deviceId) {
        const [stream, stored] = await Promise.all([
            (0, _eventsourcing.loadStream)(this.events, (0, _contracts.deviceStream)(deviceId), _domain.Device.evolve, _domain.Device.initialState),
            this.reads.collection(_readmodels.DEVICE_TELEMETRY).findOne({
                _id: deviceId
            })
        ]);
        if (!_domain.Device.isRegistered(stream.state) || stream.revision === 'no_stream') return null;
        const entry = {
            device: stream.state,
            revision: stream.revision,
            timers: stored?.timers ?? _domain.DeviceRules.noTimers,
            lastSeenAt: stored?.lastSeenAt,
            last: stored?.last,
            dirty: false
        };
        this.entries.set(deviceId, entry);
        return entry;
    }
    serialised(deviceId, work) {
        const previous = this.queues.get(deviceId) ?? Promise.resolve();
        const next = previous.then(work, work);
        const settled = next.catch(()=>undefined);
        this.queues.set(deviceId, settled);
        void settled.then(()=>{
            if (this.queues.get(deviceId) === settled) this.queues.delete(deviceId);
        });
        return next;
    }
    async writeDirty() {
        const silentRules = this.directory.rules.filter((rule)=>rule.when.field === 'silentSeconds');
        const operations = [];
        for (const [deviceId, entry] of this.entries){
            if (!entry.dirty || entry.lastSeenAt === undefined || entry.last === undefined) continue;
            entry.dirty = false;
            operations.push({
                updateOne: {
                    filter: {
                        _id: deviceId
                    },
                    update: {
                        $set: {
                            lastSeenAt: entry.lastSeenAt,
                            last: entry.last,
                            timers: entry.timers,
                            revision: entry.revision,
                            status: entry.device.status,
                            silenceSettled: this.silenceSettled(entry, silentRules)
                        }
                    },
                    upsert: true
                }
            });
        }
        if (operations.length > 0) await this.reads.collection(_readmodels.DEVICE_TELEMETRY).bulkWrite(operations);
    }
};
DeviceRuleEngine = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(6, (0, _platformmodule.InjectConfig)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore,
        typeof _devicedirectory.DeviceDirectory === "undefined" ? Object : _devicedirectory.DeviceDirectory,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock,
        typeof _clock.IdGenerator === "undefined" ? Object : _clock.IdGenerator,
        typeof _metrics.Metrics === "undefined" ? Object : _metrics.Metrics,
        typeof Pick === "undefined" ? Object : Pick
    ])
], DeviceRuleEngine);

//# sourceMappingURL=device-rule-engine.js.map