import type { MqttClient } from 'mqtt';

/**
 * Where MQTT telemetry comes from: the process's MQTT connection (the embedded broker's internal
 * client, or a client of Mosquitto at MQTT_URL). Kept to this small port so the ingest does not
 * care which; the notifier's MQTT module provides it under TELEMETRY_SOURCE.
 */
export interface TelemetryMessage {
  topic: string;
  payload: Buffer;
}

export interface TelemetrySource {
  /**
   * Delivers every message matching `filter` (QoS 1) to `handle`, one at a time per source, and
   * acknowledges a message only once `handle` has resolved: what was not handled is delivered
   * again. Resolves once subscribed; the function it resolves to unsubscribes.
   */
  subscribe(filter: string, handle: (message: TelemetryMessage) => Promise<void>): Promise<() => Promise<void>>;
}

export const TELEMETRY_SOURCE = Symbol('TelemetrySource');

/**
 * A TelemetrySource over an mqtt.js client. The PUBACK of a QoS 1 message waits for `handle`
 * (mqtt.js `handleMessage`), so the broker redelivers what a crash interrupted, and a slow
 * engine slows the broker's deliveries instead of piling readings up in memory.
 */
export const mqttTelemetrySource = (client: MqttClient): TelemetrySource => ({
  async subscribe(filter, handle) {
    const previous = client.handleMessage.bind(client);
    client.handleMessage = (packet, done) => {
      handle({ topic: packet.topic, payload: Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload) }).then(
        () => done(),
        () => done(),
      );
    };
    await client.subscribeAsync(filter, { qos: 1 });
    return async () => {
      client.handleMessage = previous;
      await client.unsubscribeAsync(filter);
    };
  },
});
