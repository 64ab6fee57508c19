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
 *
 * With --fleet FILE the devices keep their ids (no run suffix) and their keys in FILE, so the next
 * run drives the same devices instead of registering new ones (a key is shown only once). With
 * --loop the scenarios start over every --duration seconds until Ctrl-C; Ctrl-C (or SIGTERM)
 * stops any run after the readings in flight and prints the summary.
 */
import { telemetryTopic, type DeviceListResponse, type DeviceRule, type DeviceType, type Reading } from '@tessera/contracts';
import { Command, InvalidArgumentError } from 'commander';
import mqtt, { type MqttClient } from 'mqtt';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
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
  fleet?: string;
  loop: boolean;
  progressEvery: number;
}

interface SimulatedDevice {
  deviceId: string;
  deviceKey: string;
  scenario: Scenario;
  accepted: Reading[];
  refused: number;
  /** Taken from the --fleet file: the server already holds its state and rule timers. */
  reused: boolean;
  mqtt?: MqttClient;
}

/** What --fleet keeps: each device's id, key and type, for the next run. */
interface FleetFile {
  devices: { deviceId: string; deviceKey: string; type: DeviceType }[];
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

const readFleet = (file: string | undefined): Map<string, string> => {
  if (!file || !existsSync(file)) return new Map();
  const fleet = JSON.parse(readFileSync(file, 'utf8')) as FleetFile;
  return new Map(fleet.devices.map((device) => [device.deviceId, device.deviceKey]));
};

const writeFleet = (file: string, devices: SimulatedDevice[]): void => {
  mkdirSync(dirname(file), { recursive: true });
  const fleet: FleetFile = { devices: devices.map((device) => ({ deviceId: device.deviceId, deviceKey: device.deviceKey, type: device.scenario.deviceType })) };
  // The keys are the devices' credentials: readable by their owner only.
  writeFileSync(file, `${JSON.stringify(fleet, null, 2)}\n`, { mode: 0o600 });
};

/**
 * The devices of this run: registered now, or, with --fleet, taken from the file when the server
 * still lists them (a server started on fresh data has forgotten them: they are registered again).
 */
const register = async (options: Options, token: string, run: string): Promise<SimulatedDevice[]> => {
  const saved = readFleet(options.fleet);
  const listed = new Set<string>();
  if (saved.size > 0) {
    const res = await api<DeviceListResponse>(options, 'GET', `/api/devices?venueId=${encodeURIComponent(options.venue)}`, token);
    if (res.status !== 200) throw new Error(`GET /api/devices answered ${res.status}`);
    for (const device of res.body.items) listed.add(device.deviceId);
  }
  const devices: SimulatedDevice[] = [];
  for (let i = 0; i < options.devices; i++) {
    const scenario = scenarioOf(i);
    const deviceId = options.fleet ? `${options.venue}-${scenario.deviceType}-${i}` : `${options.venue}-${scenario.deviceType}-${i}-${run}`;
    const savedKey = saved.get(deviceId);
    if (savedKey !== undefined && listed.has(deviceId)) {
      devices.push({ deviceId, deviceKey: savedKey, scenario, accepted: [], refused: 0, reused: true });
      continue;
    }
    const res = await api<{ deviceKey: string; code?: string }>(options, 'POST', '/api/devices', token, {
      deviceId,
      venueId: options.venue,
      type: scenario.deviceType,
      name: `${scenario.name} ${i}`,
    });
    if (res.status === 409 && options.fleet) {
      throw new Error(`${deviceId} is registered already and ${options.fleet} does not hold its key (a key is shown only once): use another --fleet file or --venue`);
    }
    if (res.status !== 201) throw new Error(`registering ${deviceId} answered ${res.status} ${res.body.code ?? ''}`);
    devices.push({ deviceId, deviceKey: res.body.deviceKey, scenario, accepted: [], refused: 0, reused: false });
  }
  if (options.fleet) writeFleet(options.fleet, devices);
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

/**
 * Each device sends on its own clock, one reading at a time (in order), spread evenly across the
 * interval, until the run's end or `stop`. With --loop the scenarios start over every --duration.
 */
const runDevices = async (options: Options, devices: SimulatedDevice[], stop: AbortSignal): Promise<void> => {
  const start = Date.now();
  const cycleMs = options.duration * 1000;
  const end = options.loop ? Infinity : start + cycleMs;
  const interval = 1000 / options.rate;
  let sent = 0;
  const progress = setInterval(() => {
    const now = Date.now();
    const refused = devices.reduce((sum, device) => sum + device.refused, 0);
    console.log(`t=${Math.round((now - start) / 1000)}s sent ${sent} readings (${Math.round((sent * 1000) / Math.max(1, now - start))}/s), refused ${refused}`);
  }, options.progressEvery * 1000);
  progress.unref();
  await Promise.all(
    devices.map(async (device, index) => {
      for (let tick = 0; !stop.aborted; tick++) {
        const due = start + (interval * index) / devices.length + tick * interval;
        if (due >= end) break;
        if (due > Date.now()) await sleep(due - Date.now(), undefined, { signal: stop }).catch(() => undefined);
        if (stop.aborted) break;
        const at = new Date().toISOString();
        const reading = device.scenario.reading(((Date.now() - start) % cycleMs) / cycleMs, tick, at);
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
  const accepted = devices.reduce((sum, device) => sum + device.accepted.length, 0);
  const refused = devices.reduce((sum, device) => sum + device.refused, 0);
  console.log(`\n${devices.length} devices at ${options.venue} sent ${accepted} readings over ${options.transport} (${refused} refused).`);
  const reused = devices.filter((device) => device.reused).length;
  if (reused > 0) console.log(`${reused} device(s) reused from ${options.fleet} carry their state from earlier runs: only new devices are predicted.`);
  console.log(`Expect ${raised.length} raise(s), ${expected.length - raised.length} clear(s):`);
  for (const transition of expected) {
    console.log(`  ${transition.at}  ${transition.kind.padEnd(7)}  ${transition.ruleId.padEnd(18)} ${(transition.severity ?? '').padEnd(8)} ${transition.deviceId} (${transition.scenario})`);
  }
  if (expected.length === 0 && reused < devices.length) console.log('  none: run longer, or lower the rules\' raise-after times (PUT /api/ops/rules)');
};

const main = async (): Promise<void> => {
  const program = new Command('simulate')
    .description('Simulated venue devices sending telemetry to Tessera')
    .requiredOption('--venue <venueId>', 'the venue the devices belong to')
    .option('--devices <n>', 'how many devices', positive('--devices'), 10)
    .option('--rate <r>', 'readings per second per device (default INGEST_RATE or 0.2)', positive('--rate'), Number(process.env.INGEST_RATE ?? 0.2))
    .option('--duration <seconds>', 'how long to run (with --loop: one round of the scenarios)', positive('--duration'), 300)
    .option('--transport <http|mqtt>', 'how to send', 'http')
    .option('--url <url>', 'the Tessera API', process.env.API ?? 'http://localhost:3000')
    .option('--mqtt-url <url>', 'the MQTT broker (for --transport mqtt)', process.env.MQTT_URL ?? 'mqtt://localhost:1883')
    .option('--token <accessToken>', 'an admin access token (instead of ADMIN_EMAIL / ADMIN_PASSWORD)')
    .option('--summary-json <file>', 'also write the expected raises and clears to this file')
    .option('--fleet <file>', 'keep the devices\' ids and keys in this file and drive the same devices on the next run')
    .option('--loop', 'start the scenarios over every --duration seconds, until Ctrl-C', false)
    .option('--progress-every <seconds>', 'how often to print the progress line', positive('--progress-every'), 1)
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
  const reused = devices.filter((device) => device.reused).length;
  const registered = options.fleet ? `${devices.length - reused} devices registered, ${reused} reused from ${options.fleet}` : `registered ${devices.length} devices (run ${run})`;
  const howLong = options.loop ? `the ${options.duration} s scenarios again and again until Ctrl-C` : `for ${options.duration} s`;
  console.log(`${registered}; sending ${options.rate}/s each ${howLong} over ${options.transport}`);
  const stop = new AbortController();
  let stoppedAt: number | undefined;
  const onSignal = (): void => {
    // A second Ctrl-C (after the first had 2 s to finish the readings in flight) leaves at once.
    if (stoppedAt !== undefined && Date.now() - stoppedAt > 2000) process.exit(130);
    stoppedAt ??= Date.now();
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  await runDevices(options, devices, stop.signal);
  await Promise.all(devices.map((device) => device.mqtt?.endAsync()));

  const expected = devices
    .filter((device) => !device.reused)
    .flatMap((device) => predict(rules.body.rules, { deviceId: device.deviceId, venueId: options.venue, deviceType: device.scenario.deviceType, scenario: device.scenario.name }, device.accepted))
    .sort((a, b) => a.at.localeCompare(b.at));
  summarise(expected, devices, options);
  if (options.summaryJson) writeFileSync(options.summaryJson, JSON.stringify({ run, devices: devices.map((device) => device.deviceId), expected }, null, 2));
};

main().catch((error: unknown) => {
  console.error(`simulate: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
