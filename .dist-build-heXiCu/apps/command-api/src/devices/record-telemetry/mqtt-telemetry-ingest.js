"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "MqttTelemetryIngest", {
    enumerable: true,
    get: function() {
        return MqttTelemetryIngest;
    }
});
const _common = require("@nestjs/common");
const _contracts = require("../../../../../libs/contracts/src");
const _metrics = require("../../../../../libs/platform/src/observability/metrics");
const _clock = require("../../../../../libs/platform/src/time/clock");
const _nodecrypto = require("node:crypto");
const _devicedirectory = require("../rule-engine/device-directory");
const _deviceruleengine = require("../rule-engine/device-rule-engine");
const _telemetrysource = require("./telemetry-source");
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
const LOG_EVERY_MS = 60_000;
const MAX_PAYLOAD_BYTES = 256 * 1024;
let MqttTelemetryIngest = class MqttTelemetryIngest {
    constructor(directory, engine, clock, metrics, source){
        this.directory = directory;
        this.engine = engine;
        this.clock = clock;
        this.source = source;
        this.logger = new _common.Logger('MqttTelemetry');
        this.lastLogged = new Map();
        this.stopped = false;
        /** Resolves once subscribed to the process's source (never, while its broker is away). */ this.subscribed = Promise.resolve();
        this.invalid = metrics.counter('tessera_device_telemetry_invalid_total', 'Telemetry messages refused, by transport and reason', [
            'transport',
            'reason'
        ]);
    }
    /**
   * Subscribes without holding up start-up: with MQTT_URL naming a broker that is not there, the
   * subscription completes once the client connects, and the HTTP API (HTTP ingest included)
   * serves meanwhile.
   */ onApplicationBootstrap() {
        const { source } = this;
        if (!source) return;
        this.subscribed = this.start(source).then(()=>this.stopped ? this.beforeApplicationShutdown() : undefined, (error)=>this.logger.error(`subscribing to MQTT telemetry failed: ${error instanceof Error ? error.message : String(error)}`));
    }
    async beforeApplicationShutdown() {
        this.stopped = true;
        const unsubscribe = this.unsubscribe;
        this.unsubscribe = undefined;
        await unsubscribe?.();
    }
    /** Subscribes to the telemetry topics of `source` (tests pass their own). */ async start(source) {
        this.unsubscribe = await source.subscribe(_contracts.TELEMETRY_TOPIC_FILTER, (message)=>this.handle(message));
    }
    async handle({ topic, payload }) {
        const named = (0, _contracts.parseTelemetryTopic)(topic);
        if (!named) return this.refuse('topic', topic, 'the topic is not a telemetry topic');
        await this.directory.caughtUp;
        const device = this.directory.device(named.deviceId);
        if (!device) return this.refuse('unknown_device', named.deviceId, 'no device is registered under this id');
        if (device.venueId !== named.venueId || device.deviceType !== named.type) {
            return this.refuse('topic_mismatch', named.deviceId, `the topic names venue ${named.venueId} and type ${named.type}, the device is ${device.venueId}/${device.deviceType}`);
        }
        let body;
        try {
            if (payload.length > MAX_PAYLOAD_BYTES) throw new Error('too large');
            body = JSON.parse(payload.toString('utf8'));
        } catch  {
            return this.refuse('json', named.deviceId, 'the payload is not JSON (or over 256 KB)');
        }
        const parsed = (0, _contracts.parseTelemetry)(body, this.clock.now().getTime());
        if ('errors' in parsed) {
            return this.refuse('reading', named.deviceId, parsed.errors.slice(0, 3).map((error)=>`${error.field} ${error.message}`).join('; '));
        }
        await this.engine.record(named.deviceId, parsed.readings, 'mqtt', {
            correlationId: (0, _nodecrypto.randomUUID)()
        });
    }
    refuse(reason, deviceId, why) {
        this.invalid.inc({
            transport: 'mqtt',
            reason
        });
        const now = this.clock.now().getTime();
        const logged = this.lastLogged.get(deviceId);
        if (logged && now - logged.at < LOG_EVERY_MS) {
            logged.suppressed += 1;
            return;
        }
        const suppressed = logged?.suppressed ?? 0;
        this.lastLogged.set(deviceId, {
            at: now,
            suppressed: 0
        });
        if (this.lastLogged.size > 10_000) this.forgetOlderThan(now - LOG_EVERY_MS);
        const also = suppressed > 0 ? ` (and ${suppressed} more since the last report)` : '';
        this.logger.warn(`telemetry from ${JSON.stringify(deviceId.slice(0, 100))} refused (${reason}): ${why}${also}; reported at most once a minute per device`);
    }
    forgetOlderThan(cutoff) {
        for (const [deviceId, { at }] of this.lastLogged)if (at < cutoff) this.lastLogged.delete(deviceId);
    }
};
MqttTelemetryIngest = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(4, (0, _common.Optional)()),
    _ts_param(4, (0, _common.Inject)(_telemetrysource.TELEMETRY_SOURCE)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _devicedirectory.DeviceDirectory === "undefined" ? Object : _devicedirectory.DeviceDirectory,
        typeof _deviceruleengine.DeviceRuleEngine === "undefined" ? Object : _deviceruleengine.DeviceRuleEngine,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock,
        typeof _metrics.Metrics === "undefined" ? Object : _metrics.Metrics,
        typeof TelemetrySource === "undefined" ? Object : TelemetrySource
    ])
], MqttTelemetryIngest);

//# sourceMappingURL=mqtt-telemetry-ingest.js.map