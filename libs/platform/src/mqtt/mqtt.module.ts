import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { hostname } from 'node:os';
import type { TesseraConfig } from '../config/config';
import { HealthChecks } from '../observability/health';
import { Metrics } from '../observability/metrics';
import { CONFIG } from '../platform.module';
import { EmbeddedMqttBroker } from './embedded-broker';
import { MqttConnection } from './mqtt-connection';
import { MqttCredentials } from './mqtt-credentials';

/**
 * MQTT for the modules that need it (the notifier's channel, the telemetry ingest): import
 * MqttModule and inject MqttConnection (publish, subscribe) or MqttCredentials (to register the
 * device key check). Nest makes one instance of a module however many modules import it, so a
 * process has one client, and, where MQTT_URL is unset, one embedded broker. It is global, as the
 * platform is: once an app imports it, any of its modules may inject them.
 *
 * Neither the client nor the broker decides readiness: the HTTP API works without them, and a
 * 503 would take the whole process out of a load balancer for a side channel. /health shows
 * both (down while the client is disconnected, or the broker cannot listen), and
 * `tessera_mqtt_connected` is the metric to alert on.
 */

/** The embedded broker, or null where MQTT_URL names an external one. */
export const EMBEDDED_MQTT_BROKER = Symbol('EmbeddedMqttBroker');

@Injectable()
class MqttLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger('Mqtt');

  constructor(
    private readonly connection: MqttConnection,
    @Inject(EMBEDDED_MQTT_BROKER) private readonly broker: EmbeddedMqttBroker | null,
  ) {}

  /** After the subscriptions have stopped (nothing publishes any more): the client first, then the broker. */
  async onApplicationShutdown(): Promise<void> {
    await this.connection.close().catch((error: unknown) => this.logger.warn(`closing the MQTT client: ${error instanceof Error ? error.message : String(error)}`));
    await this.broker?.stop();
  }
}

@Global()
@Module({
  providers: [
    MqttCredentials,
    {
      provide: EMBEDDED_MQTT_BROKER,
      inject: [CONFIG, MqttCredentials, Metrics, HealthChecks],
      useFactory: async (config: TesseraConfig, credentials: MqttCredentials, metrics: Metrics, health: HealthChecks) => {
        if (config.MQTT_URL) return null;
        const integration =
          config.MQTT_INTEGRATION_USERNAME && config.MQTT_INTEGRATION_PASSWORD
            ? { username: config.MQTT_INTEGRATION_USERNAME, password: config.MQTT_INTEGRATION_PASSWORD }
            : undefined;
        const broker = new EmbeddedMqttBroker({ host: config.HOST, port: config.MQTT_PORT, credentials, integration, metrics });
        await broker.start();
        health.register(
          'mqttBroker',
          async () => {
            const state = broker.state();
            if (!state.listening) throw new Error(state.error ?? 'not listening');
            return { port: state.port, clients: state.clients };
          },
          { affectsReadiness: false },
        );
        return broker;
      },
    },
    {
      provide: MqttConnection,
      inject: [CONFIG, EMBEDDED_MQTT_BROKER, Metrics, HealthChecks],
      useFactory: (config: TesseraConfig, broker: EmbeddedMqttBroker | null, metrics: Metrics, health: HealthChecks) => {
        const connection = new MqttConnection({
          target: broker ? broker.inProcessTarget() : { url: config.MQTT_URL as string },
          app: `${hostname().slice(0, 24)}-${process.pid}`,
          publishTimeoutMs: config.MQTT_PUBLISH_TIMEOUT_MS,
          metrics,
        });
        health.register(
          'mqtt',
          async () => {
            const state = connection.state();
            if (!state.connected) throw new Error(`not connected to the MQTT broker ${state.broker}${state.lastError ? `: ${state.lastError}` : ''}`);
            return { mode: config.mode.mqtt, broker: state.broker };
          },
          { affectsReadiness: false },
        );
        return connection;
      },
    },
    MqttLifecycle,
  ],
  exports: [MqttConnection, MqttCredentials, EMBEDDED_MQTT_BROKER],
})
export class MqttModule {}
