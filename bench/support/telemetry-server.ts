/**
 * The standalone server as `npm start` runs it, for bench:telemetry:
 *   node dist/bench/support/telemetry-server.js     (environment as for `npm start`)
 * Its MQTT ingest is DevicesModule's own wiring (the process's MqttConnection): to the embedded
 * broker where MQTT_URL is unset, else to the broker it names.
 */
import 'reflect-metadata';
import { runHttpApp } from '@tessera/platform/bootstrap';
import { StandaloneModule } from '../../apps/standalone/src/standalone.module';

void runHttpApp('standalone', (config) => StandaloneModule.forRoot(config));
