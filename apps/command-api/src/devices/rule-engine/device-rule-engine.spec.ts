import { deviceStream, type DeviceEvent, type Reading } from '@tessera/contracts';
import { toAppend } from '@tessera/platform/commands/event-sourcing';
import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import type { EventStore } from '@tessera/platform/event-store/event-store.port';
import { HealthChecks } from '@tessera/platform/observability/health';
import { Metrics } from '@tessera/platform/observability/metrics';
import { EmbeddedReadStore } from '@tessera/platform/read-store/embedded';
import { Subscriptions } from '@tessera/platform/subscriptions/subscriptions';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { Clock, IdGenerator, RandomUuids } from '@tessera/platform/time/clock';
import { DeviceDirectory } from './device-directory';
import { DeviceRuleEngine } from './device-rule-engine';

/**
 * The engine on the embedded log and read store, with the default rules (temperature > 70 raises
 * after 60 s and clears after 120 s; silent for 120 s raises at once), a clock the test moves, and
 * several engines on the same stores as several instances would be.
 */

class TestClock extends Clock {
  constructor(public time: number) {
    super();
  }
  now(): Date {
    return new Date(this.time);
  }
}

const t0 = Date.parse('2026-06-01T18:00:00.000Z');
const at = (seconds: number): string => new Date(t0 + seconds * 1000).toISOString();

describe('DeviceRuleEngine', () => {
  let dataDir: string;
  let events: EventStore;
  let reads: EmbeddedReadStore;
  let clock: TestClock;
  const running: { directory: DeviceDirectory; engine: DeviceRuleEngine }[] = [];

  /** One instance: its directory (caught up) and its engine, on the shared stores. */
  const startEngine = async () => {
    const metrics = new Metrics();
    const directory = new DeviceDirectory(new Subscriptions(events, reads, new HealthChecks(), metrics));
    await directory.onApplicationBootstrap();
    await directory.caughtUp;
    const engine = new DeviceRuleEngine(events, reads, directory, clock, new RandomUuids(), metrics, { DEVICE_STATE_FLUSH_MS: 60_000 });
    running.push({ directory, engine });
    return engine;
  };
  const stopEngine = async (engine: DeviceRuleEngine) => {
    const index = running.findIndex((instance) => instance.engine === engine);
    const [{ directory }] = running.splice(index, 1);
    await engine.beforeApplicationShutdown();
    await directory.beforeApplicationShutdown();
  };

  let n = 0;
  const registerDevice = async (): Promise<string> => {
    const deviceId = `engine-${++n}`;
    const registered: DeviceEvent = {
      type: 'device.registered.v1',
      data: { deviceId, venueId: 'arena', deviceType: 'pos', name: deviceId, keyHash: 'h', registeredAt: at(-60) },
    };
    const context = { actorId: 'admin', correlationId: 'c', causationId: crypto.randomUUID(), now: new Date(t0) };
    await events.append(deviceStream(deviceId), toAppend(deviceStream(deviceId), [registered], context), { expectedRevision: 'no_stream' });
    return deviceId;
  };
  const reading = (seconds: number, temperature: number): Reading => ({ status: 'online', temperature, at: at(seconds) });
  const record = (engine: DeviceRuleEngine, deviceId: string, seconds: number, temperature: number) => {
    clock.time = Math.max(clock.time, t0 + seconds * 1000);
    return engine.record(deviceId, [reading(seconds, temperature)], 'http', { correlationId: 'test' });
  };
  const ruleEvents = async (deviceId: string) =>
    (await events.readStream(deviceStream(deviceId)))
      .filter((event) => event.type !== 'device.registered.v1')
      .map((event) => {
        const data = event.data as { ruleId?: string; to?: string; raisedAt?: string; clearedAt?: string };
        return `${event.type.replace(/^device\.|\.v1$/g, '')}:${data.ruleId ?? data.to}@${data.raisedAt ?? data.clearedAt ?? ''}`;
      });

  beforeEach(async () => {
    dataDir = await makeTempDir('device-engine');
    events = await EmbeddedEventStore.open({ dataDir });
    reads = new EmbeddedReadStore();
    clock = new TestClock(t0);
  });

  afterEach(async () => {
    for (const { engine } of [...running]) await stopEngine(engine);
    await events.close();
    await removeDir(dataDir);
  });

  it('raises once the condition held 60 s and clears after 120 s clear; the latest state is written behind', async () => {
    const engine = await startEngine();
    const deviceId = await registerDevice();
    for (let s = 0; s <= 70; s += 10) await record(engine, deviceId, s, 80);
    for (let s = 80; s <= 210; s += 10) await record(engine, deviceId, s, 40);
    expect(await ruleEvents(deviceId)).toEqual(['status_changed:online@', `rule_raised:temperature-high@${at(60)}`, `rule_cleared:temperature-high@${at(200)}`]);
    expect(await reads.collection('device_telemetry').findOne({ _id: deviceId })).toBeNull();
    await engine.flush();
    expect(await reads.collection('device_telemetry').findOne({ _id: deviceId })).toMatchObject({ lastSeenAt: at(210), last: { status: 'online', temperature: 40 } });
  });

  it('without a correlation id (MQTT readings), gives each append one of its own, and counts the readings by transport', async () => {
    const metrics = new Metrics();
    const directory = new DeviceDirectory(new Subscriptions(events, reads, new HealthChecks(), metrics));
    await directory.onApplicationBootstrap();
    await directory.caughtUp;
    expect(directory.isCaughtUp).toBe(true);
    const engine = new DeviceRuleEngine(events, reads, directory, clock, new RandomUuids(), metrics, { DEVICE_STATE_FLUSH_MS: 60_000 });
    running.push({ directory, engine });
    const deviceId = await registerDevice();
    clock.time = t0 + 70_000;
    // The status change, then the raise 60 s later: two appends.
    await engine.record(deviceId, [{ status: 'online', temperature: 80, at: at(0) }], 'mqtt', {});
    await engine.record(deviceId, [{ status: 'online', temperature: 80, at: at(30) }], 'mqtt', {});
    await engine.record(deviceId, [{ status: 'online', temperature: 80, at: at(60) }], 'mqtt', {});
    const appended = (await events.readStream(deviceStream(deviceId))).filter((event) => event.type !== 'device.registered.v1');
    expect(appended.map((event) => event.type)).toEqual(['device.status_changed.v1', 'device.rule_raised.v1']);
    const [first, second] = appended.map((event) => event.metadata.correlationId);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(first).not.toBe(second);
    await engine.record(deviceId, [reading(61, 80)], 'http', { correlationId: 'request-1' });
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^tessera_device_readings_total\{transport="mqtt"\} 3$/m);
    expect(text).toMatch(/^tessera_device_readings_total\{transport="http"\} 1$/m);
  });

  it('decides a reading of a loaded device on the spot when it appends nothing (no promise, its state at once), and returns a promise for one that appends', async () => {
    const engine = await startEngine();
    const deviceId = await registerDevice();
    const loading = record(engine, deviceId, 0, 80); // loads the device and appends its status change
    expect(loading).toBeInstanceOf(Promise);
    await loading;
    expect(record(engine, deviceId, 10, 80)).toBeUndefined();
    expect((await engine.stateOf(deviceId))?.lastSeenAt).toBe(at(10));
    for (let s = 20; s <= 50; s += 10) expect(record(engine, deviceId, s, 80)).toBeUndefined();
    expect(await ruleEvents(deviceId)).toEqual(['status_changed:online@']);
    // 60 s on the condition held long enough: the raise appends, and the promise resolves once it is in the log.
    const raising = record(engine, deviceId, 60, 80);
    expect(raising).toBeInstanceOf(Promise);
    await raising;
    expect(await ruleEvents(deviceId)).toEqual(['status_changed:online@', `rule_raised:temperature-high@${at(60)}`]);
    expect(record(engine, deviceId, 70, 80)).toBeUndefined();
    expect(await ruleEvents(deviceId)).toHaveLength(2);
  });

  it('queues the readings that arrive while a transition of the device is being appended, and takes them in order', async () => {
    const engine = await startEngine();
    const deviceId = await registerDevice();
    await record(engine, deviceId, 0, 20);
    clock.time = t0 + 100_000;
    const changing = engine.record(deviceId, [{ status: 'degraded', temperature: 20, at: at(10) }], 'mqtt', {});
    const behind = [
      engine.record(deviceId, [{ status: 'degraded', temperature: 20, at: at(20) }], 'mqtt', {}),
      engine.record(deviceId, [{ status: 'online', temperature: 20, at: at(30) }], 'mqtt', {}),
    ];
    expect(changing).toBeInstanceOf(Promise);
    expect(behind.map((result) => result instanceof Promise)).toEqual([true, true]);
    await Promise.all([changing, ...behind]);
    expect(await ruleEvents(deviceId)).toEqual(['status_changed:online@', 'status_changed:degraded@', 'status_changed:online@']);
    expect((await engine.stateOf(deviceId))?.lastSeenAt).toBe(at(30));
  });

  it('appends a raise decided on the spot with the incident id it was decided with (no id drawn twice)', async () => {
    class Sequence extends IdGenerator {
      n = 0;
      newId(): string {
        return `id-${++this.n}`;
      }
    }
    const metrics = new Metrics();
    const directory = new DeviceDirectory(new Subscriptions(events, reads, new HealthChecks(), metrics));
    await directory.onApplicationBootstrap();
    await directory.caughtUp;
    const ids = new Sequence();
    const engine = new DeviceRuleEngine(events, reads, directory, clock, ids, metrics, { DEVICE_STATE_FLUSH_MS: 60_000 });
    running.push({ directory, engine });
    const deviceId = await registerDevice();
    await record(engine, deviceId, 0, 80); // the status change: a causation id (id-1)
    for (let s = 10; s <= 50; s += 10) await record(engine, deviceId, s, 80);
    await record(engine, deviceId, 60, 80); // the raise: its incident id (id-2), then a causation id (id-3)
    const raised = (await events.readStream(deviceStream(deviceId))).find((event) => event.type === 'device.rule_raised.v1');
    expect(raised?.data).toMatchObject({ incidentId: 'id-2' });
    expect(ids.n).toBe(3);
  });

  it('keeps the newest reading as the latest, comparing times as instants, not as strings', async () => {
    const engine = await startEngine();
    const deviceId = await registerDevice();
    clock.time = t0 + 20_000;
    await engine.record(deviceId, [{ status: 'online', battery: 50, at: '2026-06-01T18:00:10.500Z' }], 'http', { correlationId: 'c' });
    await engine.record(deviceId, [{ status: 'online', battery: 40, at: '2026-06-01T18:00:10Z' }], 'http', { correlationId: 'c' });
    await engine.flush();
    expect(await reads.collection('device_telemetry').findOne({ _id: deviceId })).toMatchObject({ lastSeenAt: '2026-06-01T18:00:10.500Z', last: { battery: 50 } });
  });

  it('two engines fed the same readings at the same time raise the incident once', async () => {
    const [a, b] = [await startEngine(), await startEngine()];
    const devices = await Promise.all(Array.from({ length: 10 }, () => registerDevice()));
    for (let s = 0; s <= 90; s += 10) {
      await Promise.all(devices.flatMap((deviceId) => [record(a, deviceId, s, 85), record(b, deviceId, s, 85)]));
    }
    for (const deviceId of devices) {
      const raises = (await ruleEvents(deviceId)).filter((event) => event.startsWith('rule_raised'));
      expect(raises).toEqual([`rule_raised:temperature-high@${at(60)}`]);
      expect((await ruleEvents(deviceId)).filter((event) => event.startsWith('status_changed'))).toHaveLength(1);
    }
  });

  it('two engines each given every other reading of a device still raise once (the fence, not the routing)', async () => {
    const [a, b] = [await startEngine(), await startEngine()];
    const deviceId = await registerDevice();
    for (let s = 0; s <= 200; s += 10) await record(s % 20 === 0 ? a : b, deviceId, s, 90);
    expect((await ruleEvents(deviceId)).filter((event) => event.startsWith('rule_raised'))).toHaveLength(1);
  });

  it('resumes after a restart with the timers it had: a pending raise keeps its start, an open raise its clear timer', async () => {
    const deviceId = await registerDevice();
    const first = await startEngine();
    for (let s = 0; s <= 40; s += 10) await record(first, deviceId, s, 80);
    await stopEngine(first); // a clean stop writes the timers

    const second = await startEngine();
    await record(second, deviceId, 60, 80);
    expect(await ruleEvents(deviceId)).toEqual(['status_changed:online@', `rule_raised:temperature-high@${at(60)}`]);
    for (let s = 100; s <= 150; s += 10) await record(second, deviceId, s, 40);
    await stopEngine(second);

    const third = await startEngine();
    await record(third, deviceId, 219, 40);
    expect((await ruleEvents(deviceId)).at(-1)).toMatch(/^rule_raised/);
    await record(third, deviceId, 220, 40);
    expect((await ruleEvents(deviceId)).at(-1)).toBe(`rule_cleared:temperature-high@${at(220)}`);
  });

  it('marks a device silent after 120 s without a reading, once, however many engines sweep; a reading brings it back', async () => {
    const deviceId = await registerDevice();
    const [a, b] = [await startEngine(), await startEngine()];
    await record(a, deviceId, 0, 20);
    await a.flush();
    clock.time = t0 + 120_000;
    await Promise.all([a.sweepSilence(), b.sweepSilence()]);
    expect(await ruleEvents(deviceId)).toEqual(['status_changed:online@']);
    clock.time = t0 + 121_000;
    await Promise.all([a.sweepSilence(), b.sweepSilence(), a.sweepSilence(), b.sweepSilence()]);
    await Promise.all([a.flush(), b.flush()]);
    expect(await ruleEvents(deviceId)).toEqual(['status_changed:online@', 'status_changed:silent@', `rule_raised:device-silent@${at(121)}`]);
    // Settled: later sweeps do not even look at it.
    clock.time = t0 + 400_000;
    expect(await b.sweepSilence()).toBe(0);
    await record(b, deviceId, 400, 20);
    expect((await ruleEvents(deviceId)).slice(-2)).toEqual(['status_changed:online@', `rule_cleared:device-silent@${at(400)}`]);
  });

  it('leaves alone a device that no staleness rule watches', async () => {
    const engine = await startEngine();
    const deviceId = await registerDevice();
    const rules = [{ ruleId: 'display-silent', deviceTypes: ['display' as const], when: { field: 'silentSeconds' as const, op: '>' as const, value: 60 }, severity: 'low' as const, raiseAfterSeconds: 0, clearAfterSeconds: 0 }];
    running[running.length - 1].directory.apply({ type: 'ops.rules_set.v1', data: { rules, setAt: at(0) }, position: Number.MAX_SAFE_INTEGER });
    await record(engine, deviceId, 0, 20);
    await engine.flush();
    clock.time = t0 + 600_000;
    expect(await engine.sweepSilence()).toBe(0);
    expect(await ruleEvents(deviceId)).toEqual(['status_changed:online@']);
  });

  it('finds silent devices it never loaded, from the read model (after a restart)', async () => {
    const deviceId = await registerDevice();
    const first = await startEngine();
    await record(first, deviceId, 0, 20);
    await stopEngine(first);
    const second = await startEngine();
    clock.time = t0 + 200_000;
    expect(await second.sweepSilence()).toBe(1);
    expect((await ruleEvents(deviceId)).at(-1)).toBe(`rule_raised:device-silent@${at(200)}`);
  });
});
