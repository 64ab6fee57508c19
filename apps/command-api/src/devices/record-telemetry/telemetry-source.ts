import type { EmbeddedMqttBroker } from '@tessera/platform/mqtt/embedded-broker';
import type { MqttConnection } from '@tessera/platform/mqtt/mqtt-connection';
import type { MqttClient } from 'mqtt';

/**
 * Where MQTT telemetry comes from: the process's MQTT connection (the embedded broker's internal
 * client, or a client of Mosquitto at MQTT_URL). Kept to this small port so the ingest does not
 * care which; DevicesModule provides it from the process's MqttConnection (`connectionTelemetrySource`).
 */
export interface TelemetryMessage {
  topic: string;
  payload: Buffer;
}

/** Handles one message: done on return when it returns nothing, else once the promise settles. */
export type TelemetryHandler = (message: TelemetryMessage) => void | Promise<void>;

export interface TelemetrySource {
  /**
   * Delivers every message matching `filter` (QoS 1) to `handle`, in the order they arrive, with a
   * bounded number being handled at once (the source's backpressure). Resolves once subscribed;
   * the function it resolves to unsubscribes.
   */
  subscribe(filter: string, handle: TelemetryHandler): Promise<() => Promise<void>>;
}

export const TELEMETRY_SOURCE = Symbol('TelemetrySource');

/**
 * The embedded broker as a TelemetrySource: messages reach the ingest inside the broker, with no
 * client between, a device's straight from the broker's publish step (`EmbeddedMqttBroker.consume`);
 * a message the ingest is done with on return costs no promise. Where MQTT_URL is unset, this is the source.
 */
export const brokerTelemetrySource = (broker: EmbeddedMqttBroker): TelemetrySource => ({
  async subscribe(filter, handle) {
    const subscription = broker.consume(filter, (topic, payload) => handle({ topic, payload }));
    return () => subscription.close();
  },
});

/**
 * The process's MQTT connection as a TelemetrySource (where MQTT_URL names the broker): `MqttConnection.consume`, which acknowledges
 * a message once handed over while fewer than a thousand are being handled, so other
 * subscribers and the notifier's publishes share the connection undisturbed.
 */
export const connectionTelemetrySource = (connection: MqttConnection): TelemetrySource => ({
  async subscribe(filter, handle) {
    const subscription = await connection.consume(filter, (topic, payload) => handle({ topic, payload }));
    return () => subscription.close();
  },
});

/**
 * A TelemetrySource over a dedicated mqtt.js client (tests and the simulator; it takes over the
 * client's `handleMessage`, so the client must carry nothing else). mqtt.js reads the next message of a connection only
 * once the previous one is acknowledged (`handleMessage`'s callback sends the PUBACK), so waiting
 * for each reading to go through the rules would handle one message at a time, about a thousand a
 * second. Instead a message is acknowledged as soon as it is handed to `handle`, while fewer than
 * `inFlight` are being handled; beyond that the acknowledgement (and so the next message) waits
 * for one to finish. The broker's flow control then slows publishers rather than memory filling
 * up. The price: a crash loses the readings handed over and not yet through the rules (at most
 * `inFlight`, a fraction of a second of telemetry); a reading is a sample that the next one
 * supersedes, and nothing already decided is lost.
 */
export const mqttTelemetrySource = (client: MqttClient, options: { inFlight?: number } = {}): TelemetrySource => ({
  async subscribe(filter, handle) {
    const limit = options.inFlight ?? 1000;
    let inFlight = 0;
    const waiting: (() => void)[] = [];
    const previous = client.handleMessage.bind(client);
    client.handleMessage = (packet, done) => {
      inFlight += 1;
      const settled = (): void => {
        inFlight -= 1;
        waiting.shift()?.();
      };
      let working: void | Promise<void> = undefined;
      try {
        working = handle({ topic: packet.topic, payload: Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload) });
      } catch {
        working = undefined;
      }
      if (working) void working.catch(() => undefined).finally(settled);
      else settled();
      if (inFlight < limit) done();
      else waiting.push(() => done());
    };
    await client.subscribeAsync(filter, { qos: 1 });
    return async () => {
      client.handleMessage = previous;
      await client.unsubscribeAsync(filter);
    };
  },
});
