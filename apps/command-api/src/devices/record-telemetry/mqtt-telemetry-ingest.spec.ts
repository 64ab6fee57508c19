import { Logger } from '@nestjs/common';
import { deviceStream, telemetryTopic, type DeviceEvent } from '@tessera/contracts';
import { toAppend } from '@tessera/platform/commands/event-sourcing';
import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import { HealthChecks } from '@tessera/platform/observability/health';
import { Metrics } from '@tessera/platform/observability/metrics';
import { EmbeddedReadStore } from '@tessera/platform/read-store/embedded';
import { Subscriptions } from '@tessera/platform/subscriptions/subscriptions';
import { describeWithService, makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { RandomUuids, SystemClock } from '@tessera/platform/time/clock';
import mqtt, { type MqttClient } from 'mqtt';
import { setTimeout as sleep } from 'node:timers/promises';
import { DeviceDirectory } from '../rule-engine/device-directory';
import { DeviceRuleEngine } from '../rule-engine/device-rule-engine';
import { MqttTelemetryIngest } from './mqtt-telemetry-ingest';
import { mqttTelemetrySource } from './telemetry-source';

/** A turnstile registered in the log and made known to the directory, as the registration route does. */
const registerTurnstile = async (events: EmbeddedEventStore, directory: DeviceDirectory, venueId: string, deviceId: string): Promise<void> => {
  const registered: DeviceEvent = {
    type: 'device.registered.v1',
    data: { deviceId, venueId, deviceType: 'turnstile', name: deviceId, keyHash: 'h', registeredAt: new Date().toISOString() },
  };
  const context = { actorId: 'admin', correlationId: 'c', causationId: crypto.randomUUID(), now: new Date() };
  const { position } = await events.append(deviceStream(deviceId), toAppend(deviceStream(deviceId), [registered], context), { expectedRevision: 'no_stream' });
  directory.apply({ ...registered, position });
};

/**
 * MQTT ingest against the machine's Mosquitto: a device publishes on its telemetry topic (QoS 1),
 * the ingest's mqtt.js client is subscribed to `venues/+/devices/+/+/telemetry`. Other tests on
 * the machine may publish on the same broker: this one uses a venue of its own and counts only
 * what concerns its devices.
 */
describeWithService('mosquitto', 'MQTT telemetry ingest (Mosquitto)', () => {
  const url = 'mqtt://127.0.0.1:1883';
  const venueId = `mqtt-venue-${process.pid}-${Date.now()}`;
  let dataDir: string;
  let events: EmbeddedEventStore;
  let metrics: Metrics;
  let directory: DeviceDirectory;
  let engine: DeviceRuleEngine;
  let ingest: MqttTelemetryIngest;
  let subscriber: MqttClient;
  let device: MqttClient;

  const register = (deviceId: string): Promise<void> => registerTurnstile(events, directory, venueId, deviceId);
  const eventually = async <T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
    const until = Date.now() + 10_000;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > until) return value;
      await sleep(20);
    }
  };
  const invalidCount = async (reason: string): Promise<number> => {
    const metric = await metrics.registry.getSingleMetric('tessera_device_telemetry_invalid_total')?.get();
    return metric?.values.find((value) => value.labels.reason === reason)?.value ?? 0;
  };

  beforeAll(async () => {
    dataDir = await makeTempDir('mqtt-ingest');
    events = await EmbeddedEventStore.open({ dataDir });
    const reads = new EmbeddedReadStore();
    metrics = new Metrics();
    directory = new DeviceDirectory(new Subscriptions(events, reads, new HealthChecks(), metrics));
    await directory.onApplicationBootstrap();
    engine = new DeviceRuleEngine(events, reads, directory, new SystemClock(), new RandomUuids(), metrics, { DEVICE_STATE_FLUSH_MS: 60_000 });
    ingest = new MqttTelemetryIngest(directory, engine, new SystemClock(), metrics);
    subscriber = await mqtt.connectAsync(url, { clientId: `tessera-ingest-${crypto.randomUUID()}`, clean: true });
    await ingest.start(mqttTelemetrySource(subscriber));
    device = await mqtt.connectAsync(url, { clientId: `tessera-device-${crypto.randomUUID()}` });
  });

  afterAll(async () => {
    await ingest.beforeApplicationShutdown();
    await device?.endAsync();
    await subscriber?.endAsync();
    await engine.beforeApplicationShutdown();
    await directory.beforeApplicationShutdown();
    await events.close();
    await removeDir(dataDir);
  });

  it('runs readings published on the device topic through the rules: a single reading and a batch', async () => {
    const deviceId = `turnstile-${Date.now()}`;
    await register(deviceId);
    const topic = telemetryTopic(venueId, 'turnstile', deviceId);
    await device.publishAsync(topic, JSON.stringify({ status: 'degraded', temperature: 30, at: new Date().toISOString() }), { qos: 1 });
    const changed = await eventually(() => events.readStream(deviceStream(deviceId)), (stream) => stream.length >= 2);
    expect(changed.map((event) => event.type)).toEqual(['device.registered.v1', 'device.status_changed.v1']);
    expect(changed[1].data).toMatchObject({ from: 'offline', to: 'degraded' });
    const batch = [{ status: 'online', battery: 50, at: new Date().toISOString() }, { status: 'online', battery: 49, at: new Date().toISOString() }];
    await device.publishAsync(topic, JSON.stringify(batch), { qos: 1 });
    const state = await eventually(() => engine.stateOf(deviceId), (seen) => seen?.device.status === 'online');
    expect(state?.device.status).toBe('online');
  });

  it('counts refused messages by reason and logs them once per device per minute, never per message', async () => {
    const deviceId = `turnstile-bad-${Date.now()}`;
    await register(deviceId);
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const before = { reading: await invalidCount('reading'), json: await invalidCount('json'), mismatch: await invalidCount('topic_mismatch') };
    const topic = telemetryTopic(venueId, 'turnstile', deviceId);
    for (let i = 0; i < 10; i++) await device.publishAsync(topic, JSON.stringify({ status: 'melting', at: new Date().toISOString() }), { qos: 1 });
    await device.publishAsync(topic, 'not json', { qos: 1 });
    await device.publishAsync(telemetryTopic(venueId, 'pos', deviceId), JSON.stringify({ status: 'online', at: new Date().toISOString() }), { qos: 1 });
    await eventually(() => invalidCount('topic_mismatch'), (count) => count > before.mismatch);
    expect(await invalidCount('reading')).toBe(before.reading + 10);
    expect(await invalidCount('json')).toBe(before.json + 1);
    const aboutThisDevice = warn.mock.calls.filter(([message]) => String(message).includes(deviceId));
    expect(aboutThisDevice).toHaveLength(1);
    expect(String(aboutThisDevice[0][0])).toContain('status must be one of online, degraded, offline');
    warn.mockRestore();
    expect((await events.readStream(deviceStream(deviceId))).map((event) => event.type)).toEqual(['device.registered.v1']);
  });
});

/**
 * The ingest as the embedded broker calls it (no broker here): a message it is done with on return
 * costs no promise, which is what lets the broker go on reading the device's connection at once.
 */
describe('MQTT telemetry ingest, handing messages back', () => {
  const venueId = 'hand-back-venue';
  let dataDir: string;
  let events: EmbeddedEventStore;
  let directory: DeviceDirectory;
  let engine: DeviceRuleEngine;
  let ingest: MqttTelemetryIngest;

  beforeAll(async () => {
    dataDir = await makeTempDir('mqtt-ingest-hand-back');
    events = await EmbeddedEventStore.open({ dataDir });
    const reads = new EmbeddedReadStore();
    const metrics = new Metrics();
    directory = new DeviceDirectory(new Subscriptions(events, reads, new HealthChecks(), metrics));
    await directory.onApplicationBootstrap();
    await directory.caughtUp;
    engine = new DeviceRuleEngine(events, reads, directory, new SystemClock(), new RandomUuids(), metrics, { DEVICE_STATE_FLUSH_MS: 60_000 });
    ingest = new MqttTelemetryIngest(directory, engine, new SystemClock(), metrics);
  });

  afterAll(async () => {
    await engine.beforeApplicationShutdown();
    await directory.beforeApplicationShutdown();
    await events.close();
    await removeDir(dataDir);
  });

  it('returns nothing for a refused message and for a reading decided on the spot; a promise for one that appends', async () => {
    const deviceId = 'hand-back-1';
    await registerTurnstile(events, directory, venueId, deviceId);
    const topic = telemetryTopic(venueId, 'turnstile', deviceId);
    const message = (body: unknown) => ({ topic, payload: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)) });

    expect(ingest.handle(message('not json'))).toBeUndefined();
    expect(ingest.handle({ topic: telemetryTopic(venueId, 'turnstile', 'nobody'), payload: Buffer.from('{}') })).toBeUndefined();
    // The first reading loads the device and appends its status change.
    const first = ingest.handle(message({ status: 'online', temperature: 20, at: new Date().toISOString() }));
    expect(first).toBeInstanceOf(Promise);
    await first;
    expect(ingest.handle(message({ status: 'online', temperature: 21, at: new Date().toISOString() }))).toBeUndefined();
    expect((await engine.stateOf(deviceId))?.device.status).toBe('online');
    expect((await events.readStream(deviceStream(deviceId))).map((event) => event.type)).toEqual(['device.registered.v1', 'device.status_changed.v1']);
  });
});
