/**
 * The venue device simulator: `npm run simulate -- --venue V --devices N --rate R`.
 *
 * Registers N devices at venue V (an admin signs in with ADMIN_EMAIL / ADMIN_PASSWORD, or pass
 * --token), then has each send a reading every 1/R seconds (R readings per second per device,
 * default INGEST_RATE or 0.2) for --duration seconds, over HTTP or MQTT. The devices play the
 * scenarios of scenarios.ts in turn: gates go offline and come back, a POS overheats slowly,
 * batteries drain, a scanner flaps, the rest stay healthy. It prints its progress every second
 * and, at the end, the raises and clears the rules in force will make of what it sent
 * (--summary-json FILE writes them as JSON too).
 */
import { telemetryTopic, type DeviceRule, type Reading } from '@tessera/contracts';
import { Command, InvalidArgumentError } from 'commander';
import mqtt, { type MqttClient } from 'mqtt';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { predict, scenarioOf, SCENARIOS, type ExpectedTransition, type Scenario } from './scenarios';

interface Options {
  url: string;
  venue: string;
  devices: number;
  rate: number;
  duration: number;
  transport: 'http' | 'mqtt';
  mqttUrl: string;
  token?: string;
  summaryJson?: string;
}

interface SimulatedDevice {
  deviceId: string;
  deviceKey: string;
  scenario: Scenario;
  accepted: Reading[];
  refused: number;
  mqtt?: MqttClient;
}

const positive = (name: string) => (value: string): number => {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError(`${name} must be a positive number`);
  return number;
};

const api = async <T>(options: Options, method: string, path: string, token: string | undefined, body?: unknown): Promise<{ status: number; body: T }> => {
  const res = await fetch(`${options.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
};

const signIn = async (options: Options): Promise<string> => {
  if (options.token) return options.token;
  const email = process.env.ADMIN_EMAIL;
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) throw new Error('set ADMIN_EMAIL and ADMIN_PASSWORD (an admin account), or pass --token');
  const login = await api<{ accessToken?: string }>(options, 'POST', '/api/auth/login', undefined, { email, password });
  if (login.status !== 200 || !login.body.accessToken) throw new Error(`admin sign-in answered ${login.status}`);
  return login.body.accessToken;
};

const register = async (options: Options, token: string, run: string): Promise<SimulatedDevice[]> => {
  const devices: SimulatedDevice[] = [];
  for (let i = 0; i < options.devices; i++) {
    const scenario = scenarioOf(i);
    const deviceId = `${options.venue}-${scenario.deviceType}-${i}-${run}`;
    const res = await api<{ deviceKey: string; code?: string }>(options, 'POST', '/api/devices', token, {
      deviceId,
      venueId: options.venue,
      type: scenario.deviceType,
      name: `${scenario.name} ${i}`,
    });
    if (res.status !== 201) throw new Error(`registering ${deviceId} answered ${res.status} ${res.body.code ?? ''}`);
    devices.push({ deviceId, deviceKey: res.body.deviceKey, scenario, accepted: [], refused: 0 });
  }
  return devices;
};

const connectMqtt = async (options: Options, device: SimulatedDevice): Promise<void> => {
  // Where Tessera runs the broker, a device signs in with its id and key; Mosquitto applies its own rules.
  device.mqtt = await mqtt.connectAsync(options.mqttUrl, { clientId: device.deviceId, username: device.deviceId, password: device.deviceKey, reconnectPeriod: 1000 });
};

const send = async (options: Options, device: SimulatedDevice, reading: Reading): Promise<boolean> => {
  if (options.transport === 'mqtt') {
    await (device.mqtt as MqttClient).publishAsync(telemetryTopic(options.venue, device.scenario.deviceType, device.deviceId), JSON.stringify(reading), { qos: 1 });
    return true;
  }
  const res = await fetch(`${options.url}/api/devices/${encodeURIComponent(device.deviceId)}/telemetry`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-device-key': device.deviceKey },
    body: JSON.stringify(reading),
  });
  await res.arrayBuffer();
  return res.status === 202;
};

/** Each device sends on its own clock, one reading at a time (in order), spread evenly across the interval. */
const runDevices = async (options: Options, devices: SimulatedDevice[]): Promise<void> => {
  const start = Date.now();
  const end = start + options.duration * 1000;
  const interval = 1000 / options.rate;
  let sent = 0;
  const progress = setInterval(() => {
    const now = Date.now();
    const refused = devices.reduce((sum, device) => sum + device.refused, 0);
    console.log(`t=${Math.round((now - start) / 1000)}s sent ${sent} readings (${Math.round((sent * 1000) / Math.max(1, now - start))}/s), refused ${refused}`);
  }, 1000);
  progress.unref();
  await Promise.all(
    devices.map(async (device, index) => {
      await sleep((interval * index) / devices.length);
      for (let tick = 0; ; tick++) {
        const due = start + (interval * index) / devices.length + tick * interval;
        if (due >= end) break;
        if (due > Date.now()) await sleep(due - Date.now());
        const at = new Date().toISOString();
        const reading = device.scenario.reading((Date.now() - start) / (end - start), tick, at);
        try {
          if (await send(options, device, reading)) device.accepted.push(reading);
          else device.refused += 1;
        } catch {
          device.refused += 1;
        }
        sent += 1;
      }
    }),
  );
  clearInterval(progress);
};

const summarise = (expected: ExpectedTransition[], devices: SimulatedDevice[], options: Options): void => {
  const raised = expected.filter((transition) => transition.kind === 'raised');
  console.log(`\n${devices.length} devices at ${options.venue} sent ${devices.reduce((sum, device) => sum + device.accepted.length, 0)} readings over ${options.transport}.`);
  console.log(`Expect ${raised.length} raise(s), ${expected.length - raised.length} clear(s):`);
  for (const transition of expected) {
    console.log(`  ${transition.at}  ${transition.kind.padEnd(7)}  ${transition.ruleId.padEnd(18)} ${(transition.severity ?? '').padEnd(8)} ${transition.deviceId} (${transition.scenario})`);
  }
  if (expected.length === 0) console.log('  none: run longer, or lower the rules\' raise-after times (PUT /api/ops/rules)');
};

const main = async (): Promise<void> => {
  const program = new Command('simulate')
    .description('Simulated venue devices sending telemetry to Tessera')
    .requiredOption('--venue <venueId>', 'the venue the devices belong to')
    .option('--devices <n>', 'how many devices', positive('--devices'), 10)
    .option('--rate <r>', 'readings per second per device (default INGEST_RATE or 0.2)', positive('--rate'), Number(process.env.INGEST_RATE ?? 0.2))
    .option('--duration <seconds>', 'how long to run', positive('--duration'), 300)
    .option('--transport <http|mqtt>', 'how to send', 'http')
    .option('--url <url>', 'the Tessera API', process.env.API ?? 'http://localhost:3000')
    .option('--mqtt-url <url>', 'the MQTT broker (for --transport mqtt)', process.env.MQTT_URL ?? 'mqtt://localhost:1883')
    .option('--token <accessToken>', 'an admin access token (instead of ADMIN_EMAIL / ADMIN_PASSWORD)')
    .option('--summary-json <file>', 'also write the expected raises and clears to this file')
    .addHelpText('after', `\nScenarios, by device in turn:\n${SCENARIOS.map((scenario) => `  ${scenario.name} (${scenario.deviceType}): ${scenario.describe}`).join('\n')}`);
  program.parse();
  const options = program.opts<Options>();
  if (options.transport !== 'http' && options.transport !== 'mqtt') throw new InvalidArgumentError('--transport must be http or mqtt');

  const token = await signIn(options);
  const rules = await api<{ rules: DeviceRule[] }>(options, 'GET', '/api/ops/rules', token);
  if (rules.status !== 200) throw new Error(`GET /api/ops/rules answered ${rules.status}`);
  const run = randomBytes(3).toString('hex');
  const devices = await register(options, token, run);
  if (options.transport === 'mqtt') await Promise.all(devices.map((device) => connectMqtt(options, device)));
  console.log(`registered ${devices.length} devices (run ${run}); sending ${options.rate}/s each for ${options.duration} s over ${options.transport}`);
  await runDevices(options, devices);
  await Promise.all(devices.map((device) => device.mqtt?.endAsync()));

  const expected = devices
    .flatMap((device) => predict(rules.body.rules, { deviceId: device.deviceId, venueId: options.venue, deviceType: device.scenario.deviceType, scenario: device.scenario.name }, device.accepted))
    .sort((a, b) => a.at.localeCompare(b.at));
  summarise(expected, devices, options);
  if (options.summaryJson) writeFileSync(options.summaryJson, JSON.stringify({ run, devices: devices.map((device) => device.deviceId), expected }, null, 2));
};

main().catch((error: unknown) => {
  console.error(`simulate: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
