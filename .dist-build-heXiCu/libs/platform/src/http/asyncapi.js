"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "setupAsyncApi", {
    enumerable: true,
    get: function() {
        return setupAsyncApi;
    }
});
const _contracts = require("../../../contracts/src");
const _mqttconnection = require("../mqtt/mqtt-connection");
const _mqttmodule = require("../mqtt/mqtt.module");
/**
 * Serves GET /asyncapi.json beside /openapi.json (API.md, Operations): the AsyncAPI 3 document of
 * the MQTT topics and the SSE stream (libs/contracts), with the broker this deployment uses.
 * Built once, on the first request.
 */ /** The port the embedded broker listens on (MQTT_PORT may be 0), where this app runs one. */ const embeddedPort = (app, config)=>{
    try {
        return app.get(_mqttmodule.EMBEDDED_MQTT_BROKER, {
            strict: false
        })?.state().port ?? config.MQTT_PORT;
    } catch  {
        return config.MQTT_PORT; // an app without MQTT
    }
};
const setupAsyncApi = (app, config, options)=>{
    let body;
    const document = ()=>body ??= JSON.stringify((0, _contracts.buildAsyncApiDocument)({
            version: options.version,
            mqttHost: config.MQTT_URL ? new URL((0, _mqttconnection.withoutCredentials)(config.MQTT_URL)).host : `localhost:${embeddedPort(app, config)}`,
            mqttDescription: config.MQTT_URL ? 'The MQTT broker of this deployment (MQTT_URL); its own authentication and ACLs apply.' : 'The broker embedded in the standalone server, on MQTT_PORT.'
        }));
    app.getHttpAdapter().get('/asyncapi.json', (_request, reply)=>{
        void reply.type('application/json; charset=utf-8').send(document());
    });
};

//# sourceMappingURL=asyncapi.js.map