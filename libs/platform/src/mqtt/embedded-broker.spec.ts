import { Logger } from '@nestjs/common';
import { connectAsync, type MqttClient } from 'mqtt';
import { createConnection, createServer, type Server } from 'node:net';
import { DEVICE_TELEMETRY_SUBSCRIPTION, mqttTopics } from '@tessera/contracts';
import { Metrics } from '../observability/metrics';
import { EmbeddedMqttBroker, MAX_PACKET_BYTES, packetSizeGuard } from './embedded-broker';
import { MqttConnection } from './mqtt-connection';
import { MqttCredentials } from './mqtt-credentials';

/**
 * The embedded broker's door: who may connect, publish and subscribe (MqttCredentials), and a
 * port already in use, which must not stop the process.
 */

const gate = { deviceId: 'gate-1', venueId: 'arena', type: 'gate_scanner' };
const other = { deviceId: 'gate-2', venueId: 'arena', type: 'gate_scanner' };
const KEYS: Record<string, string> = { 'gate-1': 'key-of-gate-1', 'gate-2': 'key-of-gate-2' };
const integration = { username: 'integrator', password: 'integration-password-1' };

const credentials = (): MqttCredentials => {
  const credentials = new MqttCredentials();
  credentials.useDeviceVerifier(async (deviceId, deviceKey) => {
    const device = [gate, other].find((candidate) => candidate.deviceId === deviceId);
    return device && KEYS[deviceId] === deviceKey ? device : null;
  });
  return credentials;
};

const quietLogger = (): Logger & { warnings: string[] } => {
  const warnings: string[] = [];
  const logger = new Logger('MqttBroker');
  logger.warn = (message: unknown) => void warnings.push(String(message));
  logger.log = () => undefined;
  return Object.assign(logger, { warnings });
};

const waitUntil = async (condition: () => boolean, timeoutMs = 5000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('the embedded MQTT broker', () => {
  let broker: EmbeddedMqttBroker;
  let url: string;
  let internal: MqttConnection;
  const received: { topic: string; payload: string }[] = [];
  const clients: MqttClient[] = [];

  const connectAs = async (username: string, password: string, clientId: string): Promise<MqttClient> => {
    const client = await connectAsync(url, { username, password, clientId, reconnectPeriod: 0, connectTimeout: 3000 });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    broker = new EmbeddedMqttBroker({ host: '127.0.0.1', port: 0, credentials: credentials(), integration, metrics: new Metrics(), logger: quietLogger() });
    await broker.start();
    url = `mqtt://127.0.0.1:${broker.state().port}`;
    internal = new MqttConnection({ target: broker.inProcessTarget(), app: 'spec', publishTimeoutMs: 2000, metrics: new Metrics() });
    await internal.connected();
    // As the telemetry ingest subscribes.
    await internal.subscribe(DEVICE_TELEMETRY_SUBSCRIPTION, (topic, payload) => received.push({ topic, payload: payload.toString() }));
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.endAsync(true)));
    await internal.close();
    await broker.stop();
  });

  it('listens and says so', () => {
    expect(broker.state()).toEqual(expect.objectContaining({ listening: true, host: '127.0.0.1' }));
    expect(broker.state().error).toBeUndefined();
  });

  it('lets a device publish to its own telemetry topic, and Tessera receive it, never retained', async () => {
    const device = await connectAs(gate.deviceId, KEYS[gate.deviceId], gate.deviceId);
    await device.publishAsync(mqttTopics.deviceTelemetry(gate), JSON.stringify({ status: 'online', at: '2027-01-01T00:00:00Z' }), { qos: 1, retain: true });
    await waitUntil(() => received.some((message) => message.topic === mqttTopics.deviceTelemetry(gate)));
    // A client subscribing afterwards gets no old reading as if it were new.
    const late = new MqttConnection({ target: broker.inProcessTarget(), app: 'spec', publishTimeoutMs: 2000, metrics: new Metrics() });
    const replayed: string[] = [];
    await late.subscribe(DEVICE_TELEMETRY_SUBSCRIPTION, (topic) => replayed.push(topic));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await late.close();
    expect(replayed).toEqual([]);
  });

  it("passes on a device's will to its own topic, never to another's", async () => {
    const before = received.length;
    const dropWithWill = async (device: typeof gate, willTopic: string, payload: string) => {
      const client = await connectAsync(url, {
        username: device.deviceId,
        password: KEYS[device.deviceId],
        clientId: device.deviceId,
        reconnectPeriod: 0,
        will: { topic: willTopic, payload: Buffer.from(payload), qos: 1, retain: false },
      });
      // Gone without a DISCONNECT: the broker publishes the will, if it may.
      (client as unknown as { stream: { destroy(): void } }).stream.destroy();
    };
    await dropWithWill(other, mqttTopics.deviceTelemetry(gate), 'forged will');
    await dropWithWill(gate, mqttTopics.deviceTelemetry(gate), 'own will');
    await waitUntil(() => received.slice(before).some((message) => message.payload === 'own will'));
    const honest = await connectAs(other.deviceId, KEYS[other.deviceId], other.deviceId);
    await honest.publishAsync(mqttTopics.deviceTelemetry(other), 'after the wills', { qos: 1 });
    await waitUntil(() => received.slice(before).some((message) => message.payload === 'after the wills'));
    expect(received.slice(before).map((message) => message.payload)).not.toContain('forged will');
  });

  it('refuses a wrong device key, an unknown device and a missing password', async () => {
    await expect(connectAs(gate.deviceId, 'not-the-key', gate.deviceId)).rejects.toThrow(/Bad username or password/i);
    await expect(connectAs('ghost', 'whatever', 'ghost')).rejects.toThrow(/Bad username or password/i);
    await expect(connectAsync(url, { clientId: 'anonymous', reconnectPeriod: 0 }).then((client) => (clients.push(client), client))).rejects.toThrow(/Bad username or password/i);
  });

  it("refuses a client id that is not the client's own (taking it would log its owner out)", async () => {
    await expect(connectAs(gate.deviceId, KEYS[gate.deviceId], other.deviceId)).rejects.toThrow(/Identifier rejected/i);
    await expect(connectAs(gate.deviceId, KEYS[gate.deviceId], `${gate.deviceId}-2`)).rejects.toThrow(/Identifier rejected/i);
    await expect(connectAs(integration.username, integration.password, gate.deviceId)).rejects.toThrow(/Identifier rejected/i);
    await expect(connectAs(integration.username, integration.password, 'tessera-notifier-1')).rejects.toThrow(/Identifier rejected/i);
  });

  it("never passes on a device's publish to another device's topic (the broker drops the device)", async () => {
    const before = received.length;
    const device = await connectAs(gate.deviceId, KEYS[gate.deviceId], gate.deviceId);
    const closed = new Promise<void>((resolve) => device.once('close', () => resolve()));
    device.publish(mqttTopics.deviceTelemetry(other), JSON.stringify({ status: 'offline', at: '2027-01-01T00:00:00Z' }), { qos: 1 });
    await closed;
    // A probe published after the forgery arrives: had the forgery passed, it would be there first.
    const honest = await connectAs(other.deviceId, KEYS[other.deviceId], other.deviceId);
    await honest.publishAsync(mqttTopics.deviceTelemetry(other), 'probe', { qos: 1 });
    await waitUntil(() => received.slice(before).some((message) => message.payload === 'probe'));
    expect(received.slice(before).map((message) => message.payload)).toEqual(['probe']);
  });

  it('lets the integration user subscribe under tessera/, never elsewhere, and never publish', async () => {
    const subscriber = await connectAs(integration.username, integration.password, `${integration.username}-1`);
    const [grant] = await subscriber.subscribeAsync('tessera/#', { qos: 1 });
    expect(grant.qos).toBe(1);
    // SUBACK 0x80 (failure): mqtt.js rejects.
    await expect(subscriber.subscribeAsync('venues/#', { qos: 1 })).rejects.toThrow(/Subscribe error/);
    await expect(subscriber.subscribeAsync('#', { qos: 1 })).rejects.toThrow(/Subscribe error/);

    const seen: string[] = [];
    subscriber.on('message', (topic) => seen.push(topic));
    await internal.publish({ topic: 'tessera/bookings/b1/status', pattern: 'tessera/bookings/{bookingId}/status', retain: false, payload: { id: 'e1', type: 'booking.placed.v1', occurredAt: '2027-01-01T00:00:00Z', data: {} } });
    await waitUntil(() => seen.includes('tessera/bookings/b1/status'));

    const closed = new Promise<void>((resolve) => subscriber.once('close', () => resolve()));
    subscriber.publish('tessera/bookings/b1/status', 'forged', { qos: 1 });
    await closed;
  });

  it('cuts a connection that announces a packet over the size limit, before it is buffered', async () => {
    const socket = createConnection({ host: '127.0.0.1', port: broker.state().port });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    // A CONNECT whose fixed header declares 10 MB to follow.
    const declared = 10 * 1024 * 1024;
    const length: number[] = [];
    for (let left = declared; left > 0; left = Math.floor(left / 128)) length.push((left % 128) | (left >= 128 ? 0x80 : 0));
    socket.write(Buffer.from([0x10, ...length, 0, 4]));
    await closed;
    // The broker is still there for everyone else.
    await connectAs(other.deviceId, KEYS[other.deviceId], other.deviceId);
  });

  it('refuses the integration password of another length or content', async () => {
    await expect(connectAs(integration.username, 'integration-password-2', integration.username)).rejects.toThrow(/Bad username or password/i);
    await expect(connectAs(integration.username, 'short', integration.username)).rejects.toThrow(/Bad username or password/i);
  });
});

describe('the embedded MQTT broker on a port already in use', () => {
  let holder: Server;

  beforeAll(async () => {
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', () => resolve()));
  });

  afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

  it('starts anyway, with one warning line, and serves Tessera in-process', async () => {
    const port = (holder.address() as { port: number }).port;
    const logger = quietLogger();
    const broker = new EmbeddedMqttBroker({ host: '127.0.0.1', port, credentials: credentials(), metrics: new Metrics(), logger });
    await broker.start();
    try {
      expect(broker.state()).toEqual(expect.objectContaining({ listening: false, port }));
      expect(broker.state().error).toMatch(/already in use \(EADDRINUSE\)/);
      expect(logger.warnings).toHaveLength(1);
      expect(logger.warnings[0]).toContain(`127.0.0.1:${port}`);

      // Tessera's own client does not go through the port: publishing still works.
      const connection = new MqttConnection({ target: broker.inProcessTarget(), app: 'spec', publishTimeoutMs: 2000, metrics: new Metrics() });
      const got: string[] = [];
      await connection.subscribe('tessera/#', (topic) => got.push(topic));
      await connection.publish({ topic: 'tessera/incidents/created', pattern: 'tessera/incidents/created', retain: false, payload: { id: 'e', type: 'incident.reported.v1', occurredAt: '2027-01-01T00:00:00Z', data: {} } });
      await waitUntil(() => got.length === 1);
      await connection.close();
    } finally {
      await broker.stop();
    }
  });
});

describe('the packet size guard', () => {
  const header = (remaining: number): number[] => {
    const bytes: number[] = [];
    do {
      let byte = remaining % 128;
      remaining = Math.floor(remaining / 128);
      if (remaining > 0) byte |= 0x80;
      bytes.push(byte);
    } while (remaining > 0);
    return bytes;
  };

  it('follows packets across chunks and lets those within the limit through', () => {
    const guard = packetSizeGuard(MAX_PACKET_BYTES);
    const packet = (size: number) => Buffer.from([0x30, ...header(size), ...new Array<number>(size).fill(1)]);
    const stream = Buffer.concat([packet(0), packet(5), packet(MAX_PACKET_BYTES), packet(200)]);
    const verdicts: boolean[] = [];
    for (let i = 0; i < stream.length; i += 997) verdicts.push(guard(stream.subarray(i, i + 997)));
    expect(verdicts.every(Boolean)).toBe(true);
    // Small chunks at the start split the headers themselves.
    const again = packetSizeGuard(MAX_PACKET_BYTES);
    expect([...stream.subarray(0, 40)].every((byte) => again(Buffer.from([byte])))).toBe(true);
  });

  it('stops a packet one byte over, and a length of five bytes', () => {
    expect(packetSizeGuard(MAX_PACKET_BYTES)(Buffer.from([0x30, ...header(MAX_PACKET_BYTES + 1)]))).toBe(false);
    expect(packetSizeGuard(MAX_PACKET_BYTES)(Buffer.from([0x30, 0xff, 0xff, 0xff, 0xff, 0x01]))).toBe(false);
    // A header split between chunks is read whole.
    const guard = packetSizeGuard(100);
    expect(guard(Buffer.from([0x30, 0x80 | 1]))).toBe(true);
    expect(guard(Buffer.from([0x01]))).toBe(false); // 1 + 128 = 129 > 100
  });
});

describe("this process's own messages on the embedded broker (publishInProcess)", () => {
  it('reach a QoS 1 subscriber at QoS 1, retained ones a later subscriber too, without a packet from a client; and fail while the broker is stopped', async () => {
    const broker = new EmbeddedMqttBroker({ host: '127.0.0.1', port: 0, credentials: credentials(), integration, metrics: new Metrics(), logger: quietLogger() });
    await broker.start();
    const url = `mqtt://127.0.0.1:${broker.state().port}`;
    const subscriber = await connectAsync(url, { username: integration.username, password: integration.password, clientId: `${integration.username}-live`, reconnectPeriod: 0 });
    const live: { topic: string; qos: number; body: string }[] = [];
    subscriber.on('message', (topic, payload, packet) => live.push({ topic, qos: packet.qos, body: payload.toString() }));
    try {
      await subscriber.subscribeAsync('tessera/#', { qos: 1 });
      await broker.publishInProcess('tessera/shows/s-1/availability', Buffer.from('{"free":3}'), true);
      await broker.publishInProcess('tessera/incidents/created', Buffer.from('{"id":"i-1"}'), false);
      await waitUntil(() => live.length === 2);
      expect(live).toEqual([
        { topic: 'tessera/shows/s-1/availability', qos: 1, body: '{"free":3}' },
        { topic: 'tessera/incidents/created', qos: 1, body: '{"id":"i-1"}' },
      ]);

      const late = await connectAsync(url, { username: integration.username, password: integration.password, clientId: `${integration.username}-late`, reconnectPeriod: 0 });
      const retained: string[] = [];
      late.on('message', (topic, payload, packet) => retained.push(`${topic} ${payload.toString()} retain=${packet.retain}`));
      await late.subscribeAsync('tessera/#', { qos: 1 });
      await waitUntil(() => retained.length === 1);
      expect(retained).toEqual(['tessera/shows/s-1/availability {"free":3} retain=true']);
      await late.endAsync();
    } finally {
      await subscriber.endAsync();
      await broker.stop();
    }
    await expect(broker.publishInProcess('tessera/incidents/created', Buffer.from('{}'), false)).rejects.toThrow('not running');
  });
});

describe('an offline persistent session on the embedded broker', () => {
  it('stops being queued for once it has been offline longer than the expiry', async () => {
    const broker = new EmbeddedMqttBroker({ host: '127.0.0.1', port: 0, credentials: credentials(), integration, metrics: new Metrics(), logger: quietLogger(), offlineSessionExpiryMs: 200 });
    await broker.start();
    const url = `mqtt://127.0.0.1:${broker.state().port}`;
    const publisher = new MqttConnection({ target: broker.inProcessTarget(), app: 'spec', publishTimeoutMs: 2000, metrics: new Metrics() });
    const message = (id: string) => ({ topic: 'tessera/incidents/created', pattern: 'tessera/incidents/created' as const, retain: false, payload: { id, type: 'incident.reported.v1', occurredAt: '2027-01-01T00:00:00Z', data: {} } });
    const session = { username: integration.username, password: integration.password, clientId: `${integration.username}-persistent`, clean: false, reconnectPeriod: 0 };
    const received = async (wait: () => Promise<void>): Promise<string[]> => {
      const client = await connectAsync(url, session);
      const ids: string[] = [];
      client.on('message', (_topic, payload) => ids.push((JSON.parse(payload.toString()) as { id: string }).id));
      await wait();
      await client.endAsync();
      return ids;
    };
    try {
      // Subscribe, then go away.
      const first = await connectAsync(url, session);
      await first.subscribeAsync('tessera/#', { qos: 1 });
      await first.endAsync();

      // Back within the expiry: what was published meanwhile is waiting.
      await publisher.publish(message('while-away-briefly'));
      expect(await received(() => new Promise((resolve) => setTimeout(resolve, 100)))).toEqual(['while-away-briefly']);

      // Away for longer: the session no longer collects messages.
      await new Promise((resolve) => setTimeout(resolve, 400));
      await publisher.publish(message('after-expiry'));
      expect(await received(() => new Promise((resolve) => setTimeout(resolve, 200)))).toEqual([]);
    } finally {
      await publisher.close();
      await broker.stop();
    }
  });
});

describe('in-process consumers of the embedded broker (the telemetry ingest where MQTT_URL is unset)', () => {
  it("get a device's publishes without a client, again after a restart, and no more once closed", async () => {
    const broker = new EmbeddedMqttBroker({ host: '127.0.0.1', port: 0, credentials: credentials(), metrics: new Metrics(), logger: quietLogger() });
    await broker.start();
    const got: string[] = [];
    const subscription = broker.consume(DEVICE_TELEMETRY_SUBSCRIPTION, async (topic, payload) => void got.push(`${topic} ${payload.toString()}`));
    const publishOnce = async (n: number): Promise<void> => {
      const device = await connectAsync(`mqtt://127.0.0.1:${broker.state().port}`, { username: gate.deviceId, password: KEYS[gate.deviceId], clientId: gate.deviceId, reconnectPeriod: 0 });
      await device.publishAsync(mqttTopics.deviceTelemetry(gate), `{"n":${n}}`, { qos: 1 });
      await device.endAsync();
    };
    try {
      await publishOnce(1);
      await waitUntil(() => got.length === 1);
      await broker.restart();
      await publishOnce(2);
      await waitUntil(() => got.length === 2);
      expect(got).toEqual([`${mqttTopics.deviceTelemetry(gate)} {"n":1}`, `${mqttTopics.deviceTelemetry(gate)} {"n":2}`]);
      await subscription.close();
      await publishOnce(3);
      expect(got).toHaveLength(2);
    } finally {
      await broker.stop();
    }
  });
});

describe("the in-process consumer's shortcut (a device's publish straight from the broker's publish step)", () => {
  let broker: EmbeddedMqttBroker;
  let url: string;
  const clients: MqttClient[] = [];
  const device = async (): Promise<MqttClient> => {
    const client = await connectAsync(url, { username: gate.deviceId, password: KEYS[gate.deviceId], clientId: gate.deviceId, reconnectPeriod: 0 });
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    broker = new EmbeddedMqttBroker({ host: '127.0.0.1', port: 0, credentials: credentials(), integration, metrics: new Metrics(), logger: quietLogger() });
    await broker.start();
    url = `mqtt://127.0.0.1:${broker.state().port}`;
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.endAsync(true)));
    await broker.stop();
  });

  it('hands a device publish to the consumer without routing it while no client may subscribe where devices publish; routes it once one has, and both get it', async () => {
    const got: string[] = [];
    broker.consume(DEVICE_TELEMETRY_SUBSCRIPTION, async (_topic, payload) => void got.push(payload.toString()));
    // The integration user subscribing under tessera/ cannot receive a device topic: still direct.
    const integrator = await connectAsync(url, { ...integration, clientId: `${integration.username}-1`, reconnectPeriod: 0 });
    clients.push(integrator);
    await integrator.subscribeAsync('tessera/#', { qos: 1 });
    const gateClient = await device();
    await gateClient.publishAsync(mqttTopics.deviceTelemetry(gate), 'one', { qos: 1 });
    await gateClient.publishAsync(mqttTopics.deviceTelemetry(gate), 'two', { qos: 0 });
    await waitUntil(() => got.length === 2);
    expect(broker.state().deliveries).toEqual({ direct: 2, routed: 0 });

    const watcher = new MqttConnection({ target: broker.inProcessTarget(), app: 'spec', publishTimeoutMs: 2000, metrics: new Metrics() });
    const watched: string[] = [];
    try {
      await watcher.subscribe('venues/#', (_topic, payload) => watched.push(payload.toString()));
      await gateClient.publishAsync(mqttTopics.deviceTelemetry(gate), 'three', { qos: 1 });
      await waitUntil(() => got.length === 3 && watched.length === 1);
      expect(got).toEqual(['one', 'two', 'three']);
      expect(watched).toEqual(['three']);
      expect(broker.state().deliveries).toEqual({ direct: 2, routed: 1 });
    } finally {
      await watcher.close();
    }
  });

  it('takes a consumer that returns nothing as done on return, and one that throws as failed, and goes on reading', async () => {
    const got: string[] = [];
    broker.consume(DEVICE_TELEMETRY_SUBSCRIPTION, (_topic, payload) => {
      const text = payload.toString();
      if (text === 'bad') throw new Error('cannot take it');
      got.push(text);
    });
    const gateClient = await device();
    for (const payload of ['a', 'bad', 'b', 'c']) await gateClient.publishAsync(mqttTopics.deviceTelemetry(gate), payload, { qos: 1 });
    await waitUntil(() => got.length === 3);
    expect(got).toEqual(['a', 'b', 'c']);
    expect(broker.state().deliveries.direct).toBe(4);
  });

  it("keeps a device publish within its consumers' filters, and to every one whose filter matches", async () => {
    const first: string[] = [];
    const second: string[] = [];
    const elsewhere: string[] = [];
    broker.consume(DEVICE_TELEMETRY_SUBSCRIPTION, (_topic, payload) => void first.push(payload.toString()));
    const closing = broker.consume(`venues/${gate.venueId}/devices/+/+/telemetry`, async (_topic, payload) => void second.push(payload.toString()));
    broker.consume('venues/another-venue/devices/+/+/telemetry', (_topic, payload) => void elsewhere.push(payload.toString()));
    const gateClient = await device();
    await gateClient.publishAsync(mqttTopics.deviceTelemetry(gate), 'both', { qos: 1 });
    await waitUntil(() => first.length === 1 && second.length === 1);
    await closing.close();
    await gateClient.publishAsync(mqttTopics.deviceTelemetry(gate), 'first only', { qos: 1 });
    await waitUntil(() => first.length === 2);
    expect({ first, second, elsewhere }).toEqual({ first: ['both', 'first only'], second: ['both'], elsewhere: [] });
  });
});
