/**
 * The standalone server as `npm start` runs it, for bench:telemetry:
 *   node dist/bench/support/telemetry-server.js     (environment as for `npm start`)
 * Its MQTT ingest is DevicesModule's own wiring (the process's MqttConnection): to the embedded
 * broker where MQTT_URL is unset, else to the broker it names.
 */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
require("reflect-metadata");
const _bootstrap = require("../../libs/platform/src/bootstrap");
const _standalonemodule = require("../../apps/standalone/src/standalone.module");
void (0, _bootstrap.runHttpApp)('standalone', (config)=>_standalonemodule.StandaloneModule.forRoot(config));

//# sourceMappingURL=telemetry-server.js.map