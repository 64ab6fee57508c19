/**
 * bench:telemetry — readings through the device rules, against the standalone server, with a bare
 * route measured in the same run, written to bench/RESULTS.md (section "bench:telemetry").
 *   npm run bench:telemetry     (builds with swc, then: node dist/bench/telemetry.bench.js)
 * The server (bench/support/telemetry-server.ts: the standalone server as `npm start` runs it, its
 * MQTT ingest on the embedded broker, or on the broker at MQTT_URL when that is set) runs as its
 * own process; HTTP load comes from bench/support/closed-loop-load.ts, a third process; MQTT
 * publishers run in this one, each connected as a device with its id and key.
 * Legs: the bare route (GET /health/live); HTTP batches of 100 readings over 5,000 devices; MQTT,
 * one reading a message, from TELEMETRY_BENCH_MQTT_CONNECTIONS of the 5,000 devices (default 500);
 * trip to visible: a reading that trips a rule (raise-after 0) until its incident shows in
 * GET /api/incidents/recent; RSS along the way.
 * TELEMETRY_BENCH_SECONDS sets each measured window (default 10); TELEMETRY_BENCH_CPU_PROF=<dir>
 * runs the server with --cpu-prof into that folder.
 */
import { Logger } from '@nestjs/common';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { telemetryTopic } from '@tessera/contracts';
import { createTokenService } from '@tessera/platform/security/token-service';
import mqtt, { type MqttClient } from 'mqtt';
import type { LoadConfig, LoadResult } from './support/closed-loop-load';
import { cpuMillisecondsOf, freePort } from './support/process-stats';

const ROOT = resolve(__dirname, '..', '..');
const SECONDS = Number(process.env.TELEMETRY_BENCH_SECONDS ?? 10);
const CONNECTIONS = 64;
const DEVICES = 5000;
const BATCH = 100;
/** Unset: the server's embedded broker (on a free port). */
const MQTT_URL = process.env.MQTT_URL;
const MQTT_PUBLISHERS = Number(process.env.TELEMETRY_BENCH_MQTT_CONNECTIONS ?? 500);
/** QoS 1 messages each device connection keeps outstanding. */
const MQTT_IN_FLIGHT = 4;
const CPU_PROF = process.env.TELEMETRY_BENCH_CPU_PROF;
const TRIPS = 50;
const JWT_SECRET = 'bench-telemetry-secret-of-at-least-32-characters';
const VENUE = `bench-${process.pid}`;

const tokens = createTokenService({ secret: JWT_SECRET, production: false, logger: new Logger('bench') });

const rssMiB = (pid: number | undefined): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};
const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const startServer = async (dataDir: string): Promise<{ url: string; mqttUrl: string; child: ChildProcess; stop(): Promise<void> }> => {
  const port = await freePort();
  const mqttPort = await freePort();
  const mqttUrl = MQTT_URL ?? `mqtt://127.0.0.1:${mqttPort}`;
  const child = spawn(process.execPath, [...(CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : []), join(ROOT, 'dist/bench/support/telemetry-server.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      JWT_SECRET,
      ...(MQTT_URL ? { MQTT_URL } : { MQTT_PORT: String(mqttPort) }),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      RATE_LIMIT_GLOBAL_PER_IP: '0',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (const until = Date.now() + 60_000; ; ) {
    if (Date.now() > until) throw new Error('the server did not become ready');
    const ready = await fetch(`${url}/health`).then((res) => res.status === 200, () => false);
    if (ready) break;
    await sleep(200);
  }
  return {
    url,
    mqttUrl,
    child,
    stop: async () => {
      const exited = new Promise((done) => child.once('close', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
};

const runHttpPhase = async (url: string, dir: string, config: Omit<LoadConfig, 'host' | 'port' | 'connections' | 'warmUpSeconds' | 'meanPauseMs'>, child: ChildProcess): Promise<LoadResult & { serverCpuMsPerRequest: number }> => {
  const file = join(dir, `load-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify({ host: '127.0.0.1', port: Number(new URL(url).port), connections: CONNECTIONS, warmUpSeconds: 2, meanPauseMs: 0, ...config } satisfies LoadConfig));
  const load = spawn(process.execPath, [join(ROOT, 'dist/bench/support/closed-loop-load.js'), `@${file}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  let cpuAtStart = 0;
  let cpuInWindow = 0;
  let result: LoadResult | undefined;
  let pending = '';
  load.stdout.setEncoding('utf8');
  load.stdout.on('data', (chunk: string) => {
    pending += chunk;
    let newline: number;
    while ((newline = pending.indexOf('\n')) !== -1) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (line === 'measuring') cpuAtStart = cpuMillisecondsOf(child.pid);
      else if (line === 'measured') cpuInWindow = cpuMillisecondsOf(child.pid) - cpuAtStart;
      else if (line.startsWith('result ')) result = JSON.parse(line.slice('result '.length)) as LoadResult;
    }
  });
  const code = await new Promise<number | null>((done) => load.once('close', done));
  if (code !== 0 || !result) throw new Error(`the load generator failed (exit ${code})`);
  return { ...result, serverCpuMsPerRequest: cpuInWindow / Math.max(1, result.requests) };
};

const readingsCounted = async (url: string, transport: 'http' | 'mqtt'): Promise<number> => {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(new RegExp(`^tessera_device_readings_total\\{transport="${transport}"\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
};

/** Publishers keep MQTT_IN_FLIGHT QoS 1 messages outstanding each; the rate is what the server's rules counted in the window. */
const runMqttPhase = async (
  url: string,
  mqttUrl: string,
  devices: { deviceId: string; deviceKey: string }[],
  server: ChildProcess,
): Promise<{ perSecond: number; published: number; serverCpuUsPerReading: number }> => {
  // Each publisher is a device, authenticated with its key, publishing on its own topic (the only one the broker lets it).
  const publishing = devices.slice(0, MQTT_PUBLISHERS);
  const publishers: { client: MqttClient; deviceId: string }[] = [];
  for (let i = 0; i < publishing.length; i += 50) {
    publishers.push(
      ...(await Promise.all(
        publishing.slice(i, i + 50).map(async ({ deviceId, deviceKey }) => ({ deviceId, client: await mqtt.connectAsync(mqttUrl, { clientId: deviceId, username: deviceId, password: deviceKey, reconnectPeriod: 0 }) })),
      )),
    );
  }
  let published = 0;
  let stop = false;
  const pump = async ({ client, deviceId }: { client: MqttClient; deviceId: string }): Promise<void> => {
    const topic = telemetryTopic(VENUE, 'sensor', deviceId);
    const lane = async (): Promise<void> => {
      while (!stop) {
        await client.publishAsync(topic, JSON.stringify({ status: 'online', temperature: 25, battery: 80, at: new Date().toISOString() }), { qos: 1 });
        published++;
      }
    };
    await Promise.all(Array.from({ length: MQTT_IN_FLIGHT }, lane));
  };
  const pumping = Promise.all(publishers.map(pump));
  await sleep(2000);
  const before = await readingsCounted(url, 'mqtt');
  const cpuBefore = cpuMillisecondsOf(server.pid);
  const started = performance.now();
  await sleep(SECONDS * 1000);
  const after = await readingsCounted(url, 'mqtt');
  const cpu = cpuMillisecondsOf(server.pid) - cpuBefore;
  const elapsed = (performance.now() - started) / 1000;
  stop = true;
  await pumping;
  await Promise.all(publishers.map(({ client }) => client.endAsync()));
  return { perSecond: (after - before) / elapsed, published, serverCpuUsPerReading: (cpu * 1000) / Math.max(1, after - before) };
};

const main = async (): Promise<void> => {
  const dir = await mkdtemp(join(tmpdir(), 'tessera-bench-telemetry-'));
  const server = await startServer(join(dir, 'data'));
  try {
    const admin = (await tokens.issueAccessToken({ userId: crypto.randomUUID(), roles: ['user', 'admin', 'staff'] })).accessToken;
    const headers = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
    const rss: [string, number][] = [['started', rssMiB(server.child.pid)]];

    // Devices: 5,000 sensors, and 50 POS terminals at a venue of their own that trip the temperature rule.
    const devices: { deviceId: string; deviceKey: string }[] = [];
    const register = async (deviceId: string, type: string, venueId = VENUE) => {
      const res = await fetch(`${server.url}/api/devices`, { method: 'POST', headers, body: JSON.stringify({ deviceId, venueId, type, name: deviceId }) });
      if (res.status !== 201) throw new Error(`registering ${deviceId}: ${res.status}`);
      return { deviceId, deviceKey: ((await res.json()) as { deviceKey: string }).deviceKey };
    };
    for (let i = 0; i < DEVICES; i += 50) devices.push(...(await Promise.all(Array.from({ length: 50 }, (_, j) => register(`sensor-${i + j}`, 'sensor')))));
    const trippers = await Promise.all(Array.from({ length: TRIPS }, (_, i) => register(`pos-${i}`, 'pos', `${VENUE}-trip`)));
    const rules = (await (await fetch(`${server.url}/api/ops/rules`, { headers })).json()) as { rules: { ruleId: string; raiseAfterSeconds: number }[] };
    const instant = rules.rules.map((rule) => (rule.ruleId === 'temperature-high' ? { ...rule, raiseAfterSeconds: 0 } : rule));
    await fetch(`${server.url}/api/ops/rules`, { method: 'PUT', headers, body: JSON.stringify({ rules: instant }) });
    rss.push(['devices registered', rssMiB(server.child.pid)]);

    console.log('bare route…');
    const bare = await runHttpPhase(server.url, dir, { seconds: SECONDS, request: { method: 'GET', path: '/health/live' } }, server.child);
    console.log(`  ${fmt(bare.perSecond)} req/s, p99 ${fmt(bare.p99, 1)} ms`);
    console.log(`HTTP batches of ${BATCH}…`);
    const http = await runHttpPhase(server.url, dir, { seconds: SECONDS, request: { method: 'POST', path: '/' }, telemetry: { devices, batch: BATCH } }, server.child);
    console.log(`  ${fmt(http.perSecond * BATCH)} readings/s (${fmt(http.perSecond)} req/s), p99 ${fmt(http.p99, 1)} ms, non-2xx ${http.non2xx}`);
    rss.push(['after HTTP', rssMiB(server.child.pid)]);
    console.log('MQTT…');
    const overMqtt = await runMqttPhase(server.url, server.mqttUrl, devices, server.child);
    console.log(`  ${fmt(overMqtt.perSecond)} readings/s through the rules (${fmt(overMqtt.published)} published)`);
    // What the broker still holds for the ingest drains before the next leg measures anything.
    for (let last = -1, until = Date.now() + 120_000; Date.now() < until; ) {
      const counted = await readingsCounted(server.url, 'mqtt');
      if (counted === last) break;
      last = counted;
      await sleep(1000);
    }
    rss.push(['after MQTT', rssMiB(server.child.pid)]);

    console.log('trip to visible…');
    const latencies: number[] = [];
    for (const device of trippers) {
      const sent = performance.now();
      const res = await fetch(`${server.url}/api/devices/${device.deviceId}/telemetry`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-device-key': device.deviceKey },
        body: JSON.stringify({ status: 'online', temperature: 95, at: new Date().toISOString() }),
      });
      if (res.status !== 202) throw new Error(`trip: ${res.status}`);
      for (;;) {
        const recent = (await (await fetch(`${server.url}/api/incidents/recent?limit=20`, { headers })).json()) as { items: { deviceId?: string }[] };
        if (recent.items.some((item) => item.deviceId === device.deviceId)) break;
        if (performance.now() - sent > 10_000) throw new Error('a raise did not become visible in 10 s');
        await sleep(2);
      }
      latencies.push(performance.now() - sent);
    }
    console.log(`  p50 ${fmt(quantile(latencies, 0.5), 1)} ms, p99 ${fmt(quantile(latencies, 0.99), 1)} ms`);

    const lines = [
      '## bench:telemetry',
      '',
      `Run ${new Date().toISOString()} on ${cpus().length} cores (load average before: ${loadavg().map((n) => n.toFixed(2)).join(' ')}), windows of ${SECONDS} s. The standalone server (embedded log and read store) in its own process, its MQTT ingest on ${MQTT_URL ? `the broker at ${MQTT_URL}` : 'the embedded broker'} (bench/support/telemetry-server.ts, wired as \`npm start\` wires it); HTTP load from bench/support/closed-loop-load.ts (${CONNECTIONS} keep-alive connections, a third process); MQTT publishers (${MQTT_PUBLISHERS} device connections, each with its id and key, ${MQTT_IN_FLIGHT} QoS 1 messages in flight each) in the bench process${CPU_PROF ? ', the server under --cpu-prof (slower)' : ''}. ${fmt(DEVICES)} devices, default rules. The machine is shared with other sessions: the figures are of this run only.`,
      '',
      '| Leg | Figure | Target |',
      '|---|---|---|',
      `| Bare route \`GET /health/live\` | ${fmt(bare.perSecond)} req/s, p99 ${fmt(bare.p99, 1)} ms | baseline |`,
      `| HTTP batches of ${BATCH} | ${fmt(http.perSecond * BATCH)} readings/s (${fmt(http.perSecond)} req/s, ${fmt((http.perSecond * BATCH) / Math.max(1, bare.perSecond), 2)}× the bare route's requests), p99 ${fmt(http.p99, 1)} ms, server CPU ${fmt((http.serverCpuMsPerRequest / BATCH) * 1000, 1)} µs/reading, non-2xx ${http.non2xx} | ≥ 20,000/s |`,
      `| MQTT, one reading a message | ${fmt(overMqtt.perSecond)} readings/s through the rules (${fmt(overMqtt.perSecond / Math.max(1, bare.perSecond), 2)}× the bare route's requests; ${fmt(overMqtt.published)} published), server CPU ${fmt(overMqtt.serverCpuUsPerReading, 1)} µs/reading | ≥ 10,000/s with 5,000 devices |`,
      `| Trip → visible (raise-after 0, ${TRIPS} trips over HTTP, until the incident is in \`GET /api/incidents/recent\`) | p50 ${fmt(quantile(latencies, 0.5), 1)} ms, p99 ${fmt(quantile(latencies, 0.99), 1)} ms | p99 ≤ 500 ms |`,
      `| Server RSS | ${rss.map(([when, mib]) => `${when} ${fmt(mib)} MiB`).join(', ')} | flat |`,
      '',
      'The RSS figures are over this short run, not the 5-minute run the target names.',
      '',
    ].join('\n');
    console.log(`\n${lines}`);
    const resultsPath = join(ROOT, 'bench/RESULTS.md');
    const results = readFileSync(resultsPath, 'utf8');
    const start = results.indexOf('## bench:telemetry\n');
    const end = start === -1 ? -1 : results.indexOf('\n## ', start + 1);
    const updated = start === -1 ? `${results.trimEnd()}\n\n${lines}` : `${results.slice(0, start)}${lines}${end === -1 ? '' : results.slice(end + 1)}`;
    writeFileSync(resultsPath, updated);
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
