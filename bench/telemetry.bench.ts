/**
 * bench:telemetry — readings through the device rules, against the standalone server, with a bare
 * route measured in the same run, written to bench/RESULTS.md (section "bench:telemetry").
 *   npm run bench:telemetry     (builds with swc, then: node dist/bench/telemetry.bench.js)
 * The server (bench/support/telemetry-server.ts: the standalone server as `npm start` runs it, its
 * MQTT ingest on the embedded broker, or on the broker at MQTT_URL when that is set) runs as its
 * own process; HTTP load comes from bench/support/closed-loop-load.ts, a process of its own; the
 * MQTT publishers from bench/support/mqtt-publishers.ts, in processes of their own (not this one,
 * so that their CPU is read apart and no timer of this process waits behind 5,000 clients), each
 * publisher connected as a device with its id and key.
 * Legs: the bare route (GET /health/live); HTTP batches of 100 readings over the devices; MQTT,
 * one reading a message, every device publishing on its own connection, measured after a warm-up
 * (each device's first reading loads it and appends its status change: paid once, not the steady
 * rate); trip to visible: a reading that trips a rule (raise-after 0) until its incident shows in
 * GET /api/incidents/recent. The server's RSS is sampled every TELEMETRY_BENCH_RSS_EVERY_SECONDS
 * (default 1) from start to end; over the MQTT window after its first minute, the slope of its
 * 10 s means with a 95% interval says whether it is flat (bench/support/trend.ts). The server runs
 * with the environment `npm start` gives it (MALLOC_ARENA_MAX=2).
 * Environment:
 *   TELEMETRY_BENCH_DEVICES          devices registered (default 5000)
 *   TELEMETRY_BENCH_MQTT_CONNECTIONS how many of them publish over MQTT (default: all)
 *   TELEMETRY_BENCH_MQTT_IN_FLIGHT   QoS 1 messages each device keeps outstanding (default 2)
 *   TELEMETRY_BENCH_MQTT_PUBLISHER_PROCESSES  processes the publishers are dealt out to (default 1)
 *   TELEMETRY_BENCH_MQTT_WARMUP_SECONDS  the least warm-up before the MQTT window (default 10; it
 *                                    lasts until the rules counted two readings a publishing device)
 *   TELEMETRY_BENCH_SECONDS          each HTTP window (default 10)
 *   TELEMETRY_BENCH_MQTT_SECONDS     the MQTT window, the soak whose RSS must stay flat (default
 *                                    TELEMETRY_BENCH_SECONDS; the target names 300)
 *   TELEMETRY_BENCH_MQTT_ONLY=1      the MQTT leg only (no bare route, HTTP batches or trips)
 *   TELEMETRY_BENCH_BASELINE=<dir>   another checkout, built: its server runs beside this one's and
 *                                    takes the same MQTT leg at the same time, with publishers of
 *                                    its own (TELEMETRY_BENCH_BASELINE_LABEL names it); both windows
 *                                    open together, once both warm-ups are over. Ran to the end with
 *                                    2 × 5,000 connections (RESULTS.md, "in-process ingest").
 *   TELEMETRY_BENCH_SERVER_ROOT=<dir> another checkout, built, whose server this run measures instead
 *   TELEMETRY_BENCH_SERVER_ENV='A=1 B=2'  more environment for the server(s)
 *   TELEMETRY_BENCH_BASELINE_SERVER_ENV='A=1'  the baseline server's instead (a variant against
 *                                    the same build: TELEMETRY_BENCH_BASELINE=.)
 *   TELEMETRY_BENCH_SECTION=<name>   the RESULTS.md heading written (default "bench:telemetry")
 *   TELEMETRY_BENCH_CPU_PROF=<dir>   runs the server with --cpu-prof into that folder
 *   TELEMETRY_BENCH_HEAP_SNAPSHOTS=<dir>  the server also writes a heap snapshot there at each heap
 *                                    reading (diagnosis: `node dist/bench/support/heap-owners.js <file>`)
 * The server's heap after a full collection is read at the start and at the end of the MQTT window
 * (bench/support/memory-probe.ts, preloaded; it runs only when signalled).
 *   TELEMETRY_BENCH_NO_WRITE=1       prints the section without writing RESULTS.md
 */
import { Logger } from '@nestjs/common';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTokenService } from '@tessera/platform/security/token-service';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { LoadConfig } from './support/closed-loop-load';
import { heapProbe, type HeapReport } from './support/heap-probe';
import { eachLine } from './support/lines';
import type { PublishersConfig } from './support/mqtt-publishers';
import { runLoadPhase, type LoadPhase } from './support/load-phase';
import { cpuMillisecondsOf, freePort, rssBytesOf } from './support/process-stats';
import { writeResultsSection } from './support/results-file';
import { blockMeans, type Trend, trendOf } from './support/trend';
import { startBenchServer, type BenchServer } from './support/standalone-server';

const ROOT = resolve(__dirname, '..', '..');
const SECONDS = Number(process.env.TELEMETRY_BENCH_SECONDS ?? 10);
const MQTT_SECONDS = Number(process.env.TELEMETRY_BENCH_MQTT_SECONDS ?? SECONDS);
const RSS_EVERY_SECONDS = Number(process.env.TELEMETRY_BENCH_RSS_EVERY_SECONDS ?? 1);
/** RSS is averaged over blocks this long for its trend (bench/support/trend.ts), and the readings are counted this often. */
const BLOCK_SECONDS = 10;
const CONNECTIONS = 64;
const DEVICES = Number(process.env.TELEMETRY_BENCH_DEVICES ?? 5000);
const BATCH = 100;
/** Unset: the server's embedded broker (on a free port). */
const MQTT_URL = process.env.MQTT_URL;
const MQTT_PUBLISHERS = Math.min(DEVICES, Number(process.env.TELEMETRY_BENCH_MQTT_CONNECTIONS ?? DEVICES));
/** QoS 1 messages each device connection keeps outstanding. */
const MQTT_IN_FLIGHT = Number(process.env.TELEMETRY_BENCH_MQTT_IN_FLIGHT ?? 2);
/** Processes the publishers are dealt out to (bench/support/mqtt-publishers.ts), none of them this one. */
const MQTT_PUBLISHER_PROCESSES = Number(process.env.TELEMETRY_BENCH_MQTT_PUBLISHER_PROCESSES ?? 1);
const MQTT_WARMUP_SECONDS = Number(process.env.TELEMETRY_BENCH_MQTT_WARMUP_SECONDS ?? 10);
/** Another checkout, built: its server takes the same MQTT leg at the same time as this one's. */
const BASELINE = process.env.TELEMETRY_BENCH_BASELINE;
const BASELINE_LABEL = process.env.TELEMETRY_BENCH_BASELINE_LABEL ?? 'the baseline';
/** More environment for the server(s), `NAME=value` pairs separated by spaces (e.g. `HEAP_MODE=v8 HEAP_GROWTH_PERCENT=0`). */
const envPairs = (text = ''): Record<string, string> => Object.fromEntries(text.split(/\s+/).filter(Boolean).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
const SERVER_ENV = envPairs(process.env.TELEMETRY_BENCH_SERVER_ENV);
/** The baseline server's environment instead (a variant of one build against itself: TELEMETRY_BENCH_BASELINE=. and this). */
const BASELINE_SERVER_ENV = process.env.TELEMETRY_BENCH_BASELINE_SERVER_ENV === undefined ? SERVER_ENV : envPairs(process.env.TELEMETRY_BENCH_BASELINE_SERVER_ENV);
/** Only the MQTT leg (no bare route, HTTP batches or trips): what an A/B of the MQTT path needs. */
const MQTT_ONLY = process.env.TELEMETRY_BENCH_MQTT_ONLY === '1';
/** The RESULTS.md heading the run writes (a section of that name is replaced). */
const SECTION = process.env.TELEMETRY_BENCH_SECTION ?? 'bench:telemetry';
const CPU_PROF = process.env.TELEMETRY_BENCH_CPU_PROF;
const HEAP_SNAPSHOTS = process.env.TELEMETRY_BENCH_HEAP_SNAPSHOTS;
const TRIPS = 50;
const JWT_SECRET = 'bench-telemetry-secret-of-at-least-32-characters';
const VENUE = `bench-${process.pid}`;
const MiB = 2 ** 20;

const tokens = createTokenService({ secret: JWT_SECRET, production: false, logger: new Logger('bench') });

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

let serversStarted = 0;
/** The checkout whose server this run measures (default this one): runs of two builds one after another, with the same harness. */
const SERVER_ROOT = resolve(process.env.TELEMETRY_BENCH_SERVER_ROOT ?? ROOT);
const startServer = async (root = SERVER_ROOT, serverEnv = SERVER_ENV): Promise<BenchServer & { mqttUrl: string; heap: () => Promise<HeapReport> }> => {
  const mqttPort = await freePort();
  const probeFile = join(tmpdir(), `tessera-bench-telemetry-${process.pid}-${++serversStarted}.probe.json`);
  const server = await startBenchServer({
    root,
    script: 'dist/bench/support/telemetry-server.js',
    env: {
      JWT_SECRET,
      ...(MQTT_URL ? { MQTT_URL } : { MQTT_PORT: String(mqttPort) }),
      RATE_LIMIT_GLOBAL_PER_IP: '0',
      MEMORY_PROBE_FILE: probeFile,
      ...(HEAP_SNAPSHOTS ? { MEMORY_PROBE_SNAPSHOT_DIR: HEAP_SNAPSHOTS } : {}),
      ...serverEnv,
    },
    nodeArgs: [...(CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : []), '--expose-gc', '-r', join(root, 'dist/bench/support/memory-probe.js')],
    // Ready once the read models have caught up and the broker is up.
    readyPath: '/health',
  });
  return { ...server, mqttUrl: MQTT_URL ?? `mqtt://127.0.0.1:${mqttPort}`, heap: heapProbe(server.child, probeFile, HEAP_SNAPSHOTS ? 600_000 : 30_000) };
};

const runHttpPhase = (server: BenchServer, config: Pick<LoadConfig, 'seconds' | 'request' | 'telemetry'>): Promise<LoadPhase> =>
  runLoadPhase({ host: '127.0.0.1', port: Number(new URL(server.url).port), connections: CONNECTIONS, warmUpSeconds: 2, meanPauseMs: 0, ...config }, server.child.pid);

/** The server's RSS every RSS_EVERY_SECONDS, each sample with the leg it fell in; the readings counted (a /metrics scrape) at most every BLOCK_SECONDS, NaN between. */
class RssSampler {
  readonly samples: { seconds: number; leg: string; mib: number; readings: number }[] = [];
  leg = 'start-up';
  private readonly started = performance.now();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number | undefined,
    private readonly counted: () => Promise<number>,
  ) {
    this.timer = setInterval(() => void this.sample(), RSS_EVERY_SECONDS * 1000);
    void this.sample();
  }

  private countedAt = -Infinity;

  /** `count`: count the readings whatever the time since the last count (a window's edges). */
  async sample(count = false): Promise<void> {
    const seconds = (performance.now() - this.started) / 1000;
    const mib = rssBytesOf(this.pid) / MiB;
    const due = count || seconds - this.countedAt >= BLOCK_SECONDS - RSS_EVERY_SECONDS / 2;
    if (due) this.countedAt = seconds;
    const readings = due ? await this.counted().catch(() => NaN) : NaN;
    this.samples.push({ seconds, leg: this.leg, mib, readings });
  }

  stop(): void {
    clearInterval(this.timer);
  }

  of(leg: string): { seconds: number; mib: number; readings: number }[] {
    return this.samples.filter((sample) => sample.leg === leg);
  }
}

/** RSS is flat when the 95% interval of its slope lies within ± this, MiB per minute (5 MiB over 5 minutes, 2% of the ~250 MiB the soak holds). */
const FLAT_MIB_PER_MINUTE = 1;

const flatness = (trend: Trend | undefined): string => {
  if (!trend) return 'not measured (under 3 blocks after the first minute)';
  if (trend.low >= -FLAT_MIB_PER_MINUTE && trend.high <= FLAT_MIB_PER_MINUTE) return `met (the slope's 95% interval within ±${FLAT_MIB_PER_MINUTE} MiB/min)`;
  if (trend.low > FLAT_MIB_PER_MINUTE) return `MISSED (growing: the whole 95% interval above ${FLAT_MIB_PER_MINUTE} MiB/min)`;
  return `not shown (the 95% interval reaches past ±${FLAT_MIB_PER_MINUTE} MiB/min${trend.low <= 0 && trend.high >= 0 ? ': no trend told from the saw-tooth in this window; a longer one narrows it, TELEMETRY_BENCH_MQTT_SECONDS=900' : ''})`;
};

const readingsCounted = async (url: string, transport: 'http' | 'mqtt'): Promise<number> => {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(new RegExp(`^tessera_device_readings_total\\{transport="${transport}"\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
};

interface MqttLeg {
  perSecond: number;
  published: number;
  serverCpuUsPerReading: number;
  /** The publishers' processes, user + system, per reading counted in the window. */
  publisherCpuUsPerReading: number;
  /** Of one core: the busiest publisher process's CPU over the window. */
  publisherBusiestCoreShare: number;
  connectSeconds: number;
  warmUpSeconds: number;
  heapAtStart: HeapReport;
  heapAtEnd: HeapReport;
}

/** Publisher processes (bench/support/mqtt-publishers.ts), the devices dealt out among them; resolves once all are connected. */
const startPublishers = async (mqttUrl: string, devices: { deviceId: string; deviceKey: string }[]) => {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-bench-publishers-'));
  const processes = Math.max(1, Math.min(MQTT_PUBLISHER_PROCESSES, devices.length));
  const children = await Promise.all(
    Array.from({ length: processes }, async (_, k) => {
      const file = join(dir, `publishers-${k}.json`);
      const config: PublishersConfig = { mqttUrl, venue: VENUE, inFlight: MQTT_IN_FLIGHT, devices: devices.filter((_, i) => i % processes === k) };
      writeFileSync(file, JSON.stringify(config));
      const child = spawn(process.execPath, [join(__dirname, 'support/mqtt-publishers.js'), `@${file}`], { stdio: ['pipe', 'pipe', 'inherit'] });
      let result: { published: number } | undefined;
      const connected = new Promise<number>((done, fail) => {
        eachLine(child.stdout, (line) => {
          if (line.startsWith('connected ')) done(Number(line.slice('connected '.length)));
          else if (line.startsWith('result ')) result = JSON.parse(line.slice('result '.length)) as { published: number };
        });
        child.once('exit', (code) => fail(new Error(`an MQTT publisher process exited (${code}) before connecting`)));
      });
      const exited = new Promise<number | null>((done) => child.once('exit', done));
      return { child, connected: await connected, stop: async () => (child.stdin.write('stop\n'), await exited, result?.published ?? NaN) };
    }),
  );
  rmSync(dir, { recursive: true, force: true });
  return children;
};

/**
 * Publishers keep MQTT_IN_FLIGHT QoS 1 messages outstanding each; the rate is what the server's rules
 * counted in the window, which opens after a warm-up: at least MQTT_WARMUP_SECONDS, and until the
 * rules have counted two readings a publishing device (each device's first reading loads it and
 * appends its status change, a cost paid once).
 */
/**
 * A meeting point for `parties` legs: each waits in `arrive()` until all have arrived. The MQTT legs
 * of this checkout and the baseline open their windows together, after both warm-ups: else one
 * leg's window overlaps the other's warm-up (each device's first reading loads it and appends),
 * and the two see different loads.
 */
const rendezvous = (parties: number): { arrive(): Promise<void> } => {
  let arrived = 0;
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    arrive() {
      if (++arrived >= parties) open();
      return opened;
    },
  };
};

const runMqttPhase = async (
  url: string,
  mqttUrl: string,
  devices: { deviceId: string; deviceKey: string }[],
  server: ChildProcess,
  rss: RssSampler | undefined,
  heap: () => Promise<HeapReport>,
  together: { arrive(): Promise<void> } = rendezvous(1),
): Promise<MqttLeg> => {
  const connecting = performance.now();
  // Each publisher is a device, authenticated with its key, publishing on its own topic (the only one the broker lets it).
  const publishing = devices.slice(0, MQTT_PUBLISHERS);
  const publishers = await startPublishers(mqttUrl, publishing);
  const connectSeconds = (performance.now() - connecting) / 1000;
  const warming = performance.now();
  const counted = await readingsCounted(url, 'mqtt');
  for (const until = Date.now() + 180_000; Date.now() < until; ) {
    await sleep(1000);
    if ((performance.now() - warming) / 1000 >= MQTT_WARMUP_SECONDS && (await readingsCounted(url, 'mqtt')) - counted >= 2 * publishing.length) break;
  }
  const warmUpSeconds = (performance.now() - warming) / 1000;
  await together.arrive();
  // The heap after a full collection, while the publishers run: what is live, not what waits for GC.
  const heapAtStart = await heap();
  const before = await readingsCounted(url, 'mqtt');
  const cpuBefore = cpuMillisecondsOf(server.pid);
  const publisherCpuBefore = publishers.map(({ child }) => cpuMillisecondsOf(child.pid));
  const started = performance.now();
  if (rss) {
    rss.leg = 'MQTT';
    await rss.sample(true);
  }
  await sleep(MQTT_SECONDS * 1000);
  if (rss) {
    await rss.sample(true);
    rss.leg = 'after MQTT';
  }
  const after = await readingsCounted(url, 'mqtt');
  const cpu = cpuMillisecondsOf(server.pid) - cpuBefore;
  const publisherCpu = publishers.map(({ child }, k) => cpuMillisecondsOf(child.pid) - publisherCpuBefore[k]);
  const elapsed = (performance.now() - started) / 1000;
  const heapAtEnd = await heap();
  const published = (await Promise.all(publishers.map(({ stop }) => stop()))).reduce((sum, n) => sum + n, 0);
  const readings = Math.max(1, after - before);
  return {
    perSecond: (after - before) / elapsed,
    published,
    serverCpuUsPerReading: (cpu * 1000) / readings,
    publisherCpuUsPerReading: (publisherCpu.reduce((sum, ms) => sum + ms, 0) * 1000) / readings,
    publisherBusiestCoreShare: Math.max(...publisherCpu) / (elapsed * 1000),
    connectSeconds,
    warmUpSeconds,
    heapAtStart,
    heapAtEnd,
  };
};

/** What the broker still holds for the ingest drains before the next leg measures anything. */
const drainMqtt = async (url: string): Promise<void> => {
  for (let last = -1, until = Date.now() + 120_000; Date.now() < until; ) {
    const counted = await readingsCounted(url, 'mqtt');
    if (counted === last) break;
    last = counted;
    await sleep(1000);
  }
};

/** The sensors, and 50 POS terminals at a venue of their own that trip the temperature rule (raise-after 0). */
const registerDevices = async (server: BenchServer, headers: Record<string, string>) => {
  const devices: { deviceId: string; deviceKey: string }[] = [];
  const register = async (deviceId: string, type: string, venueId = VENUE) => {
    const res = await fetch(`${server.url}/api/devices`, { method: 'POST', headers, body: JSON.stringify({ deviceId, venueId, type, name: deviceId }) });
    if (res.status !== 201) throw new Error(`registering ${deviceId}: ${res.status}`);
    return { deviceId, deviceKey: ((await res.json()) as { deviceKey: string }).deviceKey };
  };
  for (let i = 0; i < DEVICES; i += 50) devices.push(...(await Promise.all(Array.from({ length: Math.min(50, DEVICES - i) }, (_, j) => register(`sensor-${i + j}`, 'sensor')))));
  const trippers = await Promise.all(Array.from({ length: TRIPS }, (_, i) => register(`pos-${i}`, 'pos', `${VENUE}-trip`)));
  const rules = (await (await fetch(`${server.url}/api/ops/rules`, { headers })).json()) as { rules: { ruleId: string; raiseAfterSeconds: number }[] };
  const instant = rules.rules.map((rule) => (rule.ruleId === 'temperature-high' ? { ...rule, raiseAfterSeconds: 0 } : rule));
  await fetch(`${server.url}/api/ops/rules`, { method: 'PUT', headers, body: JSON.stringify({ rules: instant }) });
  return { devices, trippers };
};

const mqttFigure = (leg: MqttLeg): string =>
  `${fmt(leg.perSecond)} readings/s through the rules (${fmt(leg.published)} published), server CPU ${fmt(leg.serverCpuUsPerReading, 1)} µs/reading, publishers' CPU ${fmt(leg.publisherCpuUsPerReading, 1)} µs/reading (the busiest publisher process at ${fmt(leg.publisherBusiestCoreShare * 100)}% of a core); warm-up ${fmt(leg.warmUpSeconds)} s, the connections took ${fmt(leg.connectSeconds, 1)} s to open`;

const main = async (): Promise<void> => {
  const loadBefore = loadavg();
  // The baseline's server runs beside this one's, its MQTT leg at the same time as this one's: on a
  // shared machine whose load moves by the minute, both see the same load (and share the cores).
  const [server, baselineServer] = await Promise.all([startServer(), BASELINE ? startServer(resolve(BASELINE), BASELINE_SERVER_ENV) : undefined]);
  const rss = new RssSampler(server.child.pid, () => readingsCounted(server.url, 'mqtt'));
  try {
    const admin = (await tokens.issueAccessToken({ userId: crypto.randomUUID(), roles: ['user', 'admin', 'staff'] })).accessToken;
    const headers = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
    const marks: [string, number][] = [['started', rssBytesOf(server.child.pid) / MiB]];
    const mark = (when: string) => marks.push([when, rssBytesOf(server.child.pid) / MiB]);

    rss.leg = 'registering';
    const [{ devices, trippers }, baselineDevices] = await Promise.all([registerDevices(server, headers), baselineServer ? registerDevices(baselineServer, headers) : undefined]);
    mark('devices registered');

    let bare: LoadPhase | undefined;
    let http: LoadPhase | undefined;
    if (!MQTT_ONLY) {
      console.log('bare route…');
      rss.leg = 'HTTP';
      bare = await runHttpPhase(server, { seconds: SECONDS, request: { method: 'GET', path: '/health/live' } });
      console.log(`  ${fmt(bare.perSecond)} req/s, p99 ${fmt(bare.p99, 1)} ms`);
      console.log(`HTTP batches of ${BATCH}…`);
      http = await runHttpPhase(server, { seconds: SECONDS, request: { method: 'POST', path: '/' }, telemetry: { devices, batch: BATCH } });
      console.log(`  ${fmt(http.perSecond * BATCH)} readings/s (${fmt(http.perSecond)} req/s), p99 ${fmt(http.p99, 1)} ms, non-2xx ${http.non2xx}`);
      mark('after HTTP');
    }
    console.log(`MQTT, ${fmt(MQTT_PUBLISHERS)} devices for ${MQTT_SECONDS} s${baselineServer ? `, and at the same time against ${BASELINE_LABEL}` : ''}…`);
    rss.leg = 'connecting';
    const together = rendezvous(baselineServer ? 2 : 1);
    const [overMqtt, baseline] = await Promise.all([
      runMqttPhase(server.url, server.mqttUrl, devices, server.child, rss, server.heap, together),
      baselineServer && baselineDevices ? runMqttPhase(baselineServer.url, baselineServer.mqttUrl, baselineDevices.devices, baselineServer.child, undefined, baselineServer.heap, together) : undefined,
    ]);
    console.log(`  ${mqttFigure(overMqtt)}`);
    if (baseline) console.log(`  ${BASELINE_LABEL}: ${mqttFigure(baseline)}`);
    await baselineServer?.dispose();
    await drainMqtt(server.url);
    mark('after MQTT');

    const latencies: number[] = [];
    if (!MQTT_ONLY) {
      console.log('trip to visible…');
      rss.leg = 'trips';
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
    }
    rss.stop();

    // The soak: RSS over the MQTT window, and the readings counted between samples.
    const soak = rss.of('MQTT');
    const firstMinute = soak.filter((sample) => sample.seconds - soak[0].seconds <= 60);
    const afterFirstMinute = soak.filter((sample) => sample.seconds - soak[0].seconds >= 60);
    // Between counts at least half a block apart (the window's own last count may fall just after a timed one).
    const counts = soak.filter((sample) => !Number.isNaN(sample.readings));
    const rates = counts.slice(1).flatMap((sample, i) => (sample.seconds - counts[i].seconds >= BLOCK_SECONDS / 2 ? [(sample.readings - counts[i].readings) / (sample.seconds - counts[i].seconds)] : []));
    const soakMiB = soak.map((sample) => sample.mib);
    const blocks = blockMeans(afterFirstMinute, BLOCK_SECONDS);
    const trend = trendOf(blocks);
    const command = [
      `TELEMETRY_BENCH_DEVICES=${DEVICES}`,
      `TELEMETRY_BENCH_MQTT_SECONDS=${MQTT_SECONDS}`,
      ...(MQTT_ONLY ? ['TELEMETRY_BENCH_MQTT_ONLY=1'] : [`TELEMETRY_BENCH_SECONDS=${SECONDS}`]),
      `TELEMETRY_BENCH_MQTT_PUBLISHER_PROCESSES=${MQTT_PUBLISHER_PROCESSES}`,
      ...(MQTT_PUBLISHERS !== DEVICES ? [`TELEMETRY_BENCH_MQTT_CONNECTIONS=${MQTT_PUBLISHERS}`] : []),
      ...(MQTT_IN_FLIGHT !== 2 ? [`TELEMETRY_BENCH_MQTT_IN_FLIGHT=${MQTT_IN_FLIGHT}`] : []),
      ...(process.env.TELEMETRY_BENCH_SERVER_ENV ? [`TELEMETRY_BENCH_SERVER_ENV='${process.env.TELEMETRY_BENCH_SERVER_ENV}'`] : []),
      ...(process.env.TELEMETRY_BENCH_BASELINE_SERVER_ENV !== undefined ? [`TELEMETRY_BENCH_BASELINE_SERVER_ENV='${process.env.TELEMETRY_BENCH_BASELINE_SERVER_ENV}'`] : []),
      ...(BASELINE ? [`TELEMETRY_BENCH_BASELINE=<${BASELINE_LABEL}, built>`] : []),
      ...(SECTION !== 'bench:telemetry' ? [`TELEMETRY_BENCH_SECTION='${SECTION}'`] : []),
      ...(SERVER_ROOT !== ROOT ? [`TELEMETRY_BENCH_SERVER_ROOT=<${BASELINE_LABEL}, built>`] : []),
    ].join(' ');
    const lines = [
      `## ${SECTION}`,
      '',
      `Run ${new Date().toISOString()} on ${cpus().length} cores (load average before: ${loadBefore.map((n) => n.toFixed(2)).join(' ')}; after: ${loadavg().map((n) => n.toFixed(2)).join(' ')}), ${MQTT_ONLY ? 'the MQTT leg only' : `HTTP windows of ${SECONDS} s`}, the MQTT window ${MQTT_SECONDS} s after a warm-up of at least ${MQTT_WARMUP_SECONDS} s. Command: \`${command} node dist/bench/telemetry.bench.js\` (after \`npm run build\`). The standalone server (embedded log and read store) in its own process, its MQTT ingest on ${MQTT_URL ? `the broker at ${MQTT_URL}` : 'the embedded broker'} (bench/support/telemetry-server.ts, wired as \`npm start\` wires it)${MQTT_ONLY ? '' : `; HTTP load from bench/support/closed-loop-load.ts (${CONNECTIONS} keep-alive connections, a process of its own)`}; MQTT publishers (${fmt(MQTT_PUBLISHERS)} device connections, each with its id and key, ${MQTT_IN_FLIGHT} QoS 1 messages in flight each) in ${MQTT_PUBLISHER_PROCESSES} process${MQTT_PUBLISHER_PROCESSES === 1 ? '' : 'es'} of their own (bench/support/mqtt-publishers.ts), on the same cores as the server${CPU_PROF ? ', the server under --cpu-prof (slower)' : ''}. ${fmt(DEVICES)} devices, default rules. The MQTT figure is the readings the server's rules counted in the window; server CPU is the server process's user + system time in the window per such reading, the publishers' likewise. The machine is shared with other sessions: the figures are of this run only.`,
      '',
      '| Leg | Figure | Target |',
      '|---|---|---|',
      ...(bare && http
        ? [
            `| Bare route \`GET /health/live\` | ${fmt(bare.perSecond)} req/s, p99 ${fmt(bare.p99, 1)} ms | baseline |`,
            `| HTTP batches of ${BATCH} | ${fmt(http.perSecond * BATCH)} readings/s (${fmt(http.perSecond)} req/s, ${fmt((http.perSecond * BATCH) / Math.max(1, bare.perSecond), 2)}× the bare route's requests), p99 ${fmt(http.p99, 1)} ms, server CPU ${fmt((http.serverCpuMsPerRequest / BATCH) * 1000, 1)} µs/reading, non-2xx ${http.non2xx} | ≥ 20,000/s |`,
          ]
        : []),
      `| MQTT, one reading a message, ${fmt(MQTT_PUBLISHERS)} devices publishing, ${MQTT_SECONDS} s${BASELINE ? ', this checkout' : ''} | ${mqttFigure(overMqtt)}; every ${BLOCK_SECONDS} s between ${fmt(Math.min(...rates))} and ${fmt(Math.max(...rates))}/s | ≥ 10,000/s with 5,000 devices |`,
      ...(baseline
        ? [
            `| The same MQTT leg at the same time, ${BASELINE_LABEL}'s server beside this one | ${mqttFigure(baseline)} | |`,
            `| This checkout against ${BASELINE_LABEL} | ${fmt(overMqtt.perSecond / Math.max(1, baseline.perSecond), 2)}× the readings/s, ${fmt(overMqtt.serverCpuUsPerReading / baseline.serverCpuUsPerReading, 2)}× the server CPU per reading | |`,
          ]
        : []),
      ...(latencies.length > 0 ? [`| Trip → visible (raise-after 0, ${TRIPS} trips over HTTP, until the incident is in \`GET /api/incidents/recent\`) | p50 ${fmt(quantile(latencies, 0.5), 1)} ms, p99 ${fmt(quantile(latencies, 0.99), 1)} ms | p99 ≤ 500 ms |`] : []),
      `| Server RSS over the MQTT window (sampled every ${RSS_EVERY_SECONDS} s) | ${fmt(soakMiB[0])} MiB at its start, ${fmt(Math.max(...firstMinute.map((x) => x.mib)))} MiB at most in its first minute, then ${afterFirstMinute.length > 0 ? `${fmt(Math.min(...afterFirstMinute.map((x) => x.mib)))}–${fmt(Math.max(...afterFirstMinute.map((x) => x.mib)))} MiB, ${fmt(soakMiB[soakMiB.length - 1])} MiB at its end` : 'nothing (the window is shorter than a minute)'}${trend ? `; after the first minute, ${BLOCK_SECONDS} s means of ${fmt(trend.meanMiB)} MiB on average, least-squares slope ${fmt(trend.slope, 2)} MiB/min (95% interval ${fmt(trend.low, 2)} to ${fmt(trend.high, 2)}, ${trend.blocks} blocks)` : ''} | flat: ${flatness(trend)} |`,
      `| Server heap after a full collection, at the start and the end of the MQTT window | ${fmt(overMqtt.heapAtStart.memory.heapUsed / MiB)} → ${fmt(overMqtt.heapAtEnd.memory.heapUsed / MiB)} MiB used (external ${fmt(overMqtt.heapAtStart.memory.external / MiB)} → ${fmt(overMqtt.heapAtEnd.memory.external / MiB)} MiB)${baseline ? `; ${BASELINE_LABEL}: ${fmt(baseline.heapAtStart.memory.heapUsed / MiB)} → ${fmt(baseline.heapAtEnd.memory.heapUsed / MiB)} MiB` : ''} | |`,
      `| Server RSS at the legs' ends | ${marks.map(([when, mib]) => `${when} ${fmt(mib)} MiB`).join(', ')} | |`,
      '',
      `RSS (MiB, means of ${BLOCK_SECONDS} s blocks of samples every ${RSS_EVERY_SECONDS} s, from start-up, by leg): ${[...new Set(rss.samples.map((sample) => sample.leg))].map((leg) => `${leg}: ${blockMeans(rss.of(leg), BLOCK_SECONDS).map((block) => fmt(block.mib)).join(' ')}`).join('; ')}.`,
      '',
    ].join('\n');
    console.log(`\n${lines}`);
    if (!process.env.TELEMETRY_BENCH_NO_WRITE) writeResultsSection(join(ROOT, 'bench/RESULTS.md'), lines);
  } finally {
    rss.stop();
    await Promise.all([server.dispose(), baselineServer?.dispose()]);
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
