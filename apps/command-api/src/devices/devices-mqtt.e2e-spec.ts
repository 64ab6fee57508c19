import type { IncidentSummary } from '@tessera/contracts';
import { telemetryTopic } from '@tessera/contracts';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { EMBEDDED_MQTT_BROKER } from '@tessera/platform/mqtt/mqtt.module';
import type { EmbeddedMqttBroker } from '@tessera/platform/mqtt/embedded-broker';
import { describeWithService } from '@tessera/platform/testing/services';
import mqtt, { type MqttClient } from 'mqtt';
import { setTimeout as sleep } from 'node:timers/promises';
import { call } from '../../../../test/security/accounts-client';
import { accessTokenFor, bearer } from '../../../../test/support/auth';
import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { MqttTelemetryIngest } from './record-telemetry/mqtt-telemetry-ingest';
import { DeviceRuleEngine } from './rule-engine/device-rule-engine';

/**
 * MQTT telemetry on the standalone server, wired as `npm start` wires it (DevicesModule's
 * TELEMETRY_SOURCE on the process's MqttConnection): a reading published on a device's topic goes
 * through the rules, and a raise shows in GET /api/devices and, through the incident reaction, in
 * GET /api/incidents/recent. On the embedded broker the device connects with its id and key; on
 * the machine's Mosquitto (MQTT_URL) that broker's own configuration admits it.
 */

const hotRule = { ruleId: 'hot', deviceTypes: ['sensor'], when: { field: 'temperature', op: '>', value: 70 }, severity: 'high', raiseAfterSeconds: 0, clearAfterSeconds: 0 };

const until = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> => {
  for (const deadline = Date.now() + timeoutMs; ; ) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
};

const withServer = (env: Record<string, string>, body: (context: () => { server: TestApp; admin: Record<string, string>; staff: Record<string, string>; venueId: string }) => void): void => {
  let server: TestApp;
  let admin: Record<string, string>;
  let staff: Record<string, string>;
  const venueId = `venue-mqtt-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  beforeAll(async () => {
    server = await startTestApp({ env });
    admin = bearer(await accessTokenFor(server, crypto.randomUUID(), ['user', 'admin']));
    staff = bearer(await accessTokenFor(server, crypto.randomUUID(), ['user', 'staff']));
    const rules = await call(server, 'PUT', '/api/ops/rules', { body: { rules: [hotRule] }, headers: admin });
    expect(rules.status).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
  });
  body(() => ({ server, admin, staff, venueId }));
};

const register = async (server: TestApp, admin: Record<string, string>, venueId: string) => {
  const deviceId = `sensor-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const res = await call<{ deviceId: string; deviceKey: string }>(server, 'POST', '/api/devices', { body: { deviceId, venueId, type: 'sensor', name: `Sensor ${deviceId}` }, headers: admin });
  expect(res.status).toBe(201);
  return res.body;
};

/** Publishes a hot reading and waits for the raise in the device list and in the recent incidents. */
const expectRaiseVisible = async (server: TestApp, staff: Record<string, string>, venueId: string, deviceId: string, client: MqttClient) => {
  await client.publishAsync(telemetryTopic(venueId, 'sensor', deviceId), JSON.stringify({ status: 'online', temperature: 90, battery: 80, at: new Date().toISOString() }), { qos: 1 });
  await until('the raise in the log', async () => {
    const events = await server.app.get(EventStore).readStream(`device-${deviceId}`);
    return events.some((event) => event.type === 'device.rule_raised.v1') ? true : undefined;
  });
  // The latest readings reach the list in batches (the engine's flush), the raise at once.
  await server.app.get(DeviceRuleEngine).flush();
  const head = String(await server.app.get(EventStore).headPosition());
  const listed = await call<{ items: Record<string, unknown>[] }>(server, 'GET', `/api/devices?venueId=${venueId}`, { headers: { ...staff, 'x-min-position': head } });
  expect(listed.status).toBe(200);
  expect(listed.body.items.find((item) => item.deviceId === deviceId)).toMatchObject({ deviceId, status: 'online', last: { temperature: 90, battery: 80 }, openIncidents: 1 });
  const incident = await until('the incident in GET /api/incidents/recent', async () => {
    const recent = await call<{ items: IncidentSummary[] }>(server, 'GET', '/api/incidents/recent?limit=50', { headers: staff });
    expect(recent.status).toBe(200);
    return recent.body.items.find((item) => item.deviceId === deviceId);
  });
  expect(incident).toMatchObject({ source: 'device', deviceId, venueId, ruleId: 'hot', severity: 'high' });
};

describe('MQTT telemetry through the embedded broker (standalone server)', () => {
  withServer({}, (context) => {
    let port: number;
    const clients: MqttClient[] = [];
    const connect = async (username: string, password: string, clientId = username): Promise<MqttClient> => {
      const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { clientId, username, password, reconnectPeriod: 0, connectTimeout: 5000 });
      clients.push(client);
      return client;
    };
    beforeAll(() => {
      port = context().server.app.get<EmbeddedMqttBroker>(EMBEDDED_MQTT_BROKER).state().port;
    });
    afterAll(async () => {
      await Promise.all(clients.map((client) => client.endAsync(true)));
    });

    it('a device connects with its id and key, and a hot reading raises: in GET /api/devices and GET /api/incidents/recent', async () => {
      const { server, admin, staff, venueId } = context();
      const { deviceId, deviceKey } = await register(server, admin, venueId);
      await expectRaiseVisible(server, staff, venueId, deviceId, await connect(deviceId, deviceKey));
    });

    it('refuses a wrong key at CONNECT (bad username or password)', async () => {
      const { server, admin, venueId } = context();
      const { deviceId } = await register(server, admin, venueId);
      const other = await register(server, admin, venueId);
      await expect(connect(deviceId, other.deviceKey)).rejects.toThrow(/Bad username or password/i);
    });

    it("does not let a device publish to another device's topic: nothing reaches the other's stream", async () => {
      const { server, admin, venueId } = context();
      const mine = await register(server, admin, venueId);
      const theirs = await register(server, admin, venueId);
      const client = await connect(mine.deviceId, mine.deviceKey);
      // aedes closes the connection of a client whose publish it refuses (MQTT 3.1.1 has no negative PUBACK).
      const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
      client.publish(telemetryTopic(venueId, 'sensor', theirs.deviceId), JSON.stringify({ status: 'online', temperature: 95, battery: 80, at: new Date().toISOString() }), { qos: 1 });
      await closed;
      // Its own topic still works on a new connection, and the ingest is through it before we look.
      const again = await connect(mine.deviceId, mine.deviceKey);
      await again.publishAsync(telemetryTopic(venueId, 'sensor', mine.deviceId), JSON.stringify({ status: 'online', temperature: 90, battery: 80, at: new Date().toISOString() }), { qos: 1 });
      await until('its own reading', async () => ((await server.app.get(EventStore).readStream(`device-${mine.deviceId}`)).some((event) => event.type === 'device.rule_raised.v1') ? true : undefined));
      expect((await server.app.get(EventStore).readStream(`device-${theirs.deviceId}`)).map((event) => event.type)).toEqual(['device.registered.v1']);
    });
  });
});

describeWithService('mosquitto', "MQTT telemetry through the machine's Mosquitto (MQTT_URL)", () => {
  const url = 'mqtt://127.0.0.1:1883';
  withServer({ MQTT_URL: url }, (context) => {
    it('a hot reading published to Mosquitto raises: in GET /api/devices and GET /api/incidents/recent', async () => {
      const { server, admin, staff, venueId } = context();
      const { deviceId } = await register(server, admin, venueId);
      await server.app.get(MqttTelemetryIngest).subscribed;
      const client = await mqtt.connectAsync(url, { clientId: deviceId, reconnectPeriod: 0 });
      try {
        await expectRaiseVisible(server, staff, venueId, deviceId, client);
      } finally {
        await client.endAsync();
      }
    });
  });
});
