import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { describeWithService, makeTempDir, removeDir } from '@tessera/platform/testing/services';
import mqtt, { type MqttClient } from 'mqtt';
import { MqttTelemetryIngest } from '../../apps/command-api/src/devices/record-telemetry/mqtt-telemetry-ingest';
import { mqttTelemetrySource } from '../../apps/command-api/src/devices/record-telemetry/telemetry-source';
import { accessTokenFor, bearer } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * `npm run simulate` against a started server: the simulator predicts, from the readings the
 * server accepted and the rules in force, which raises and clears the rules will make; the device
 * streams must hold exactly those. Rules with raise-after and clear-after times of 1–2 s keep the
 * run short (8 s, 4 readings a second per device).
 */

const ROOT = join(__dirname, '..', '..');
const FAST_RULES = [
  { ruleId: 'device-offline', deviceTypes: ['gate_scanner', 'turnstile', 'pos', 'sensor', 'display'], when: { field: 'status', op: '=', value: 'offline' }, severity: 'critical', raiseAfterSeconds: 1, clearAfterSeconds: 1 },
  { ruleId: 'temperature-high', deviceTypes: ['gate_scanner', 'turnstile', 'pos', 'sensor', 'display'], when: { field: 'temperature', op: '>', value: 70 }, severity: 'high', raiseAfterSeconds: 1, clearAfterSeconds: 2 },
  { ruleId: 'battery-low', deviceTypes: ['gate_scanner', 'turnstile', 'pos', 'sensor', 'display'], when: { field: 'battery', op: '<', value: 15 }, severity: 'medium', raiseAfterSeconds: 1, clearAfterSeconds: 2 },
  { ruleId: 'device-silent', deviceTypes: ['gate_scanner', 'turnstile', 'pos', 'sensor', 'display'], when: { field: 'silentSeconds', op: '>', value: 120 }, severity: 'high', raiseAfterSeconds: 0, clearAfterSeconds: 0 },
];

interface Summary {
  devices: string[];
  expected: { deviceId: string; ruleId: string; kind: 'raised' | 'cleared'; at: string }[];
}

const simulate = (args: string[]): Promise<{ code: number | null; output: string }> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', './tools/swc-register.js', 'tools/simulator/simulate.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });

describe('the device simulator against a started server', () => {
  let server: TestApp;
  let token: string;
  let dir: string;

  beforeAll(async () => {
    server = await startTestApp();
    token = await accessTokenFor(server, crypto.randomUUID(), ['user', 'admin']);
    dir = await makeTempDir('simulator');
    const set = await fetch(`${server.url}/api/ops/rules`, { method: 'PUT', headers: { ...bearer(token), 'content-type': 'application/json' }, body: JSON.stringify({ rules: FAST_RULES }) });
    expect(set.status).toBe(200);
  });

  afterAll(async () => {
    await server.close();
    await removeDir(dir);
  });

  /** Every raise and clear the device streams hold, in the simulator's terms. */
  const transitionsOf = async (devices: string[]): Promise<string[]> => {
    const store = server.app.get(EventStore);
    const all: string[] = [];
    for (const deviceId of devices) {
      for (const event of await store.readStream(`device-${deviceId}`)) {
        const data = event.data as { ruleId?: string; raisedAt?: string; clearedAt?: string };
        if (event.type === 'device.rule_raised.v1') all.push(`${deviceId} ${data.ruleId} raised ${data.raisedAt}`);
        if (event.type === 'device.rule_cleared.v1') all.push(`${deviceId} ${data.ruleId} cleared ${data.clearedAt}`);
      }
    }
    return all.sort();
  };
  const expectedOf = (summary: Summary): string[] => summary.expected.map((t) => `${t.deviceId} ${t.ruleId} ${t.kind} ${t.at}`).sort();

  it('over HTTP: exactly the predicted raises and clears appear, one for each scenario that trips a rule', async () => {
    const file = join(dir, 'http.json');
    const run = await simulate(['--url', server.url, '--token', token, '--venue', 'sim-http', '--devices', '10', '--rate', '4', '--duration', '8', '--summary-json', file]);
    expect(run.code).toBe(0);
    expect(run.output).toMatch(/t=\d+s sent \d+ readings/);
    expect(run.output).toMatch(/Expect \d+ raise\(s\)/);
    const summary = JSON.parse(await readFile(file, 'utf8')) as Summary;
    expect(summary.devices).toHaveLength(10);
    const raisedRules = new Set(summary.expected.filter((t) => t.kind === 'raised').map((t) => `${t.deviceId.split('-')[2]}:${t.ruleId}`));
    // Gates offline and back, the POS overheating, the draining battery, the flapping scanner: each raises.
    expect([...raisedRules].sort()).toEqual(['gate_scanner:device-offline', 'pos:temperature-high', 'sensor:battery-low', 'turnstile:device-offline']);
    // The flapping scanner raises once per device, not once per flip.
    for (const deviceId of summary.devices.filter((id) => id.includes('-turnstile-'))) {
      expect(summary.expected.filter((t) => t.deviceId === deviceId && t.kind === 'raised')).toHaveLength(1);
    }
    expect(await transitionsOf(summary.devices)).toEqual(expectedOf(summary));
  }, 60_000);

  describeWithService('mosquitto', 'over MQTT (Mosquitto)', () => {
    let subscriber: MqttClient;

    beforeAll(async () => {
      // What the MQTT branch's module will do in the server: subscribe the ingest to the broker.
      subscriber = await mqtt.connectAsync('mqtt://127.0.0.1:1883', { clientId: `tessera-sim-ingest-${crypto.randomUUID()}` });
      await server.app.get(MqttTelemetryIngest).start(mqttTelemetrySource(subscriber));
    });

    afterAll(async () => {
      await server.app.get(MqttTelemetryIngest).beforeApplicationShutdown();
      await subscriber.endAsync();
    });

    it('exactly the predicted raises and clears appear', async () => {
      const file = join(dir, 'mqtt.json');
      const venue = `sim-mqtt-${Date.now()}`;
      const run = await simulate(['--url', server.url, '--token', token, '--venue', venue, '--devices', '5', '--rate', '4', '--duration', '8', '--transport', 'mqtt', '--mqtt-url', 'mqtt://127.0.0.1:1883', '--summary-json', file]);
      expect(run.code).toBe(0);
      const summary = JSON.parse(await readFile(file, 'utf8')) as Summary;
      expect(summary.expected.filter((t) => t.kind === 'raised').length).toBeGreaterThanOrEqual(4);
      // Acknowledged by the broker is not yet through the rules: wait until the streams hold as many.
      const until = Date.now() + 10_000;
      while ((await transitionsOf(summary.devices)).length < summary.expected.length && Date.now() < until) await sleep(50);
      expect(await transitionsOf(summary.devices)).toEqual(expectedOf(summary));
    }, 60_000);
  });
});
