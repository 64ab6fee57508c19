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
    get EMBEDDED_MQTT_BROKER () {
        return EMBEDDED_MQTT_BROKER;
    },
    get MqttModule () {
        return MqttModule;
    }
});
const _common = require("@nestjs/common");
const _nodeos = require("node:os");
const _health = require("../observability/health");
const _metrics = require("../observability/metrics");
const _platformmodule = require("../platform.module");
const _embeddedbroker = require("./embedded-broker");
const _mqttconnection = require("./mqtt-connection");
const _mqttcredentials = require("./mqtt-credentials");
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
const EMBEDDED_MQTT_BROKER = Symbol('EmbeddedMqttBroker');
let MqttLifecycle = class MqttLifecycle {
    constructor(connection, broker){
        this.connection = connection;
        this.broker = broker;
        this.logger = new _common.Logger('Mqtt');
    }
    /** After the subscriptions have stopped (nothing publishes any more): the client first, then the broker. */ async onApplicationShutdown() {
        await this.connection.close().catch((error)=>this.logger.warn(`closing the MQTT client: ${error instanceof Error ? error.message : String(error)}`));
        await this.broker?.stop();
    }
};
MqttLifecycle = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(1, (0, _common.Inject)(EMBEDDED_MQTT_BROKER)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _mqttconnection.MqttConnection === "undefined" ? Object : _mqttconnection.MqttConnection,
        Object
    ])
], MqttLifecycle);
let MqttModule = class MqttModule {
};
MqttModule = _ts_decorate([
    (0, _common.Global)(),
    (0, _common.Module)({
        providers: [
            _mqttcredentials.MqttCredentials,
            {
                provide: EMBEDDED_MQTT_BROKER,
                inject: [
                    _platformmodule.CONFIG,
                    _mqttcredentials.MqttCredentials,
                    _metrics.Metrics,
                    _health.HealthChecks
                ],
                useFactory: async (config, credentials, metrics, health)=>{
                    if (config.MQTT_URL) return null;
                    const integration = config.MQTT_INTEGRATION_USERNAME && config.MQTT_INTEGRATION_PASSWORD ? {
                        username: config.MQTT_INTEGRATION_USERNAME,
                        password: config.MQTT_INTEGRATION_PASSWORD
                    } : undefined;
                    const broker = new _embeddedbroker.EmbeddedMqttBroker({
                        host: config.HOST,
                        port: config.MQTT_PORT,
                        credentials,
                        integration,
                        metrics
                    });
                    await broker.start();
                    health.register('mqttBroker', async ()=>{
                        const state = broker.state();
                        if (!state.listening) throw new Error(state.error ?? 'not listening');
                        return {
                            port: state.port,
                            clients: state.clients
                        };
                    }, {
                        affectsReadiness: false
                    });
                    return broker;
                }
            },
            {
                provide: _mqttconnection.MqttConnection,
                inject: [
                    _platformmodule.CONFIG,
                    EMBEDDED_MQTT_BROKER,
                    _metrics.Metrics,
                    _health.HealthChecks
                ],
                useFactory: (config, broker, metrics, health)=>{
                    const connection = new _mqttconnection.MqttConnection({
                        target: broker ? {
                            stream: ()=>broker.connectInProcess(),
                            ...broker.internal
                        } : {
                            url: config.MQTT_URL
                        },
                        app: `${(0, _nodeos.hostname)().slice(0, 24)}-${process.pid}`,
                        publishTimeoutMs: config.MQTT_PUBLISH_TIMEOUT_MS,
                        metrics
                    });
                    health.register('mqtt', async ()=>{
                        const state = connection.state();
                        if (!state.connected) throw new Error(`not connected to the MQTT broker ${state.broker}${state.lastError ? `: ${state.lastError}` : ''}`);
                        return {
                            mode: config.mode.mqtt,
                            broker: state.broker
                        };
                    }, {
                        affectsReadiness: false
                    });
                    return connection;
                }
            },
            MqttLifecycle
        ],
        exports: [
            _mqttconnection.MqttConnection,
            _mqttcredentials.MqttCredentials,
            EMBEDDED_MQTT_BROKER
        ]
    })
], MqttModule);

//# sourceMappingURL=mqtt.module.js.map