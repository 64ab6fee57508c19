import type { INestApplication } from '@nestjs/common';
import { buildAsyncApiDocument } from '@tessera/contracts';
import type { FastifyReply } from 'fastify';
import type { TesseraConfig } from '../config/config';
import type { EmbeddedMqttBroker } from '../mqtt/embedded-broker';
import { withoutCredentials } from '../mqtt/mqtt-connection';
import { EMBEDDED_MQTT_BROKER } from '../mqtt/mqtt.module';

/**
 * Serves GET /asyncapi.json beside /openapi.json (API.md, Operations): the AsyncAPI 3 document of
 * the MQTT topics and the SSE stream (libs/contracts), with the broker this deployment uses.
 * Built once, on the first request.
 */
/** The port the embedded broker listens on (MQTT_PORT may be 0), where this app runs one. */
const embeddedPort = (app: INestApplication, config: TesseraConfig): number => {
  try {
    return app.get<symbol, EmbeddedMqttBroker | null>(EMBEDDED_MQTT_BROKER, { strict: false })?.state().port ?? config.MQTT_PORT;
  } catch {
    return config.MQTT_PORT; // an app without MQTT
  }
};

export const setupAsyncApi = (app: INestApplication, config: TesseraConfig, options: { version: string }): void => {
  let body: string | undefined;
  const document = () =>
    (body ??= JSON.stringify(
      buildAsyncApiDocument({
        version: options.version,
        mqttHost: config.MQTT_URL ? new URL(withoutCredentials(config.MQTT_URL)).host : `localhost:${embeddedPort(app, config)}`,
        mqttDescription: config.MQTT_URL
          ? 'The MQTT broker of this deployment (MQTT_URL); its own authentication and ACLs apply.'
          : 'The broker embedded in the standalone server, on MQTT_PORT.',
      }),
    ));
  app.getHttpAdapter().get('/asyncapi.json', (_request: unknown, reply: FastifyReply) => {
    void reply.type('application/json; charset=utf-8').send(document());
  });
};
