/**
 * The standalone server with MQTT telemetry wired to the broker at MQTT_URL, for bench:telemetry:
 *   node dist/bench/support/telemetry-server.js     (environment as for `npm start`, MQTT_URL set)
 * Until the notifier's MQTT module (issue 12) provides the process's MQTT client under
 * TELEMETRY_SOURCE, this global module does, with an mqtt.js client of its own: the same wiring
 * the merge makes, so the MQTT figures are those of the real ingest path.
 */
import 'reflect-metadata';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { runHttpApp } from '@tessera/platform/bootstrap';
import mqtt from 'mqtt';
import { mqttTelemetrySource, TELEMETRY_SOURCE } from '../../apps/command-api/src/devices/record-telemetry/telemetry-source';
import { StandaloneModule } from '../../apps/standalone/src/standalone.module';

@Global()
@Module({})
class BenchTelemetrySourceModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: BenchTelemetrySourceModule,
      providers: [{ provide: TELEMETRY_SOURCE, useFactory: async () => mqttTelemetrySource(await mqtt.connectAsync(url, { clientId: `tessera-bench-ingest-${process.pid}` })) }],
      exports: [TELEMETRY_SOURCE],
    };
  }
}

@Module({})
class BenchTelemetryServer {}

void runHttpApp('standalone', (config) => ({
  module: BenchTelemetryServer,
  imports: [BenchTelemetrySourceModule.forRoot(config.MQTT_URL ?? 'mqtt://127.0.0.1:1883'), StandaloneModule.forRoot(config)],
}));
