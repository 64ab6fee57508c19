/**
 * bench:log-rounds — the embedded log's group commit with few and with many appenders: appends/s,
 * CPU and event-loop time per append, and append latency, for this checkout and (optionally)
 * another checkout's build, in alternating child processes of one run; written to bench/RESULTS.md
 * (section "bench:log-rounds").
 *   npm run bench:log-rounds   (builds with swc, then: node dist/bench/log-rounds.bench.js)
 * With 4 appenders a round of group commit carries about 4 appends, as the standalone server's
 * rounds do at half its saturated hold rate (bench:feeds): there, what a round costs the event
 * loop beside its appends (hand-offs to the thread pool, their completions) weighs most. With 64,
 * the rounds are large and that cost is shared.
 * LOG_BENCH_BASELINE=<folder of another checkout, built> measures that checkout's EmbeddedEventStore
 * too (e.g. a `git worktree` of main before a change, after `npm run build` there), the two taking
 * turns to go first; LOG_BENCH_BASELINE_LABEL names it. LOG_BENCH_ROUNDS (default 3) and
 * LOG_BENCH_SECONDS (default 3, per measurement) set the length; LOG_BENCH_NO_WRITE=1 prints the
 * section without writing RESULTS.md.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { EventStore } from '@tessera/platform/event-store/event-store.port';
import { writeResultsSection } from './support/results-file';

const ROOT = resolve(__dirname, '..', '..');
const ROUNDS = Number(process.env.LOG_BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.LOG_BENCH_SECONDS ?? 3);
const APPENDERS = [4, 64];
const WARM_UP_MS = 1000;

interface Measurement {
  appenders: number;
  perSecond: number;
  cpuUsPerAppend: number;
  loopUsPerAppend: number;
  p50Ms: number;
  p99Ms: number;
}

/** In a child process: `appenders` loops of single-event appends to the store of the build at `root`. */
const measureChild = async (root: string, appenders: number, seconds: number): Promise<Measurement> => {
  // The build under test, not this checkout's: its own compiled store.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EmbeddedEventStore } = require(join(root, 'dist/libs/platform/src/event-store/embedded')) as { EmbeddedEventStore: { open(options: { dataDir: string }): Promise<EventStore> } };
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-log-rounds-'));
  const store = await EmbeddedEventStore.open({ dataDir });
  // A booking.placed-sized event.
  const data = { bookingId: randomUUID(), showId: randomUUID(), userId: randomUUID(), seats: ['s-12-3-45'], amount: 4500, currency: 'EUR' };
  let stop = false;
  let latencies: number[] = [];
  const loop = async (worker: number) => {
    for (let i = 0; !stop; i++) {
      const started = performance.now();
      const id = randomUUID();
      const metadata = { actorId: data.userId, correlationId: id, causationId: id, occurredAt: new Date().toISOString(), schemaVersion: 1 };
      await store.append(`booking-${worker}-${i}-${id}`, [{ id, type: 'booking.placed.v1', data, metadata }]);
      latencies.push(performance.now() - started);
    }
  };
  const run = async (ms: number) => {
    stop = false;
    setTimeout(() => (stop = true), ms);
    await Promise.all(Array.from({ length: appenders }, (_, worker) => loop(worker)));
  };
  await run(WARM_UP_MS);
  latencies = [];
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const cpu = process.cpuUsage();
  const loopTime = performance.eventLoopUtilization();
  const started = performance.now();
  await run(seconds * 1000);
  const elapsedS = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  const { active } = performance.eventLoopUtilization(loopTime);
  delay.disable();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
  const count = latencies.length;
  latencies.sort((a, b) => a - b);
  return {
    appenders,
    perSecond: count / elapsedS,
    cpuUsPerAppend: (user + system) / count,
    loopUsPerAppend: (active * 1000) / count,
    p50Ms: latencies[Math.floor(count * 0.5)],
    p99Ms: latencies[Math.floor(count * 0.99)],
  };
};

const measure = (root: string, appenders: number): Measurement => {
  const child = spawnSync(process.execPath, [__filename, '--child', root, String(appenders), String(SECONDS)], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`log-rounds child for ${root} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() as string) as Measurement;
};

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const main = () => {
  const baseline = process.env.LOG_BENCH_BASELINE;
  const baselineLabel = process.env.LOG_BENCH_BASELINE_LABEL ?? 'the baseline';
  const builds: [string, string][] = [['this checkout', ROOT]];
  if (baseline) builds.unshift([baselineLabel, resolve(baseline)]);
  const results = new Map<string, Measurement[]>();
  for (let round = 1; round <= ROUNDS; round++) {
    const order = round % 2 === 1 ? builds : [...builds].reverse();
    for (const [label, root] of order) {
      for (const appenders of APPENDERS) {
        const key = `${label}|${appenders}`;
        results.set(key, [...(results.get(key) ?? []), measure(root, appenders)]);
      }
    }
  }
  const lines: string[] = [];
  lines.push('## bench:log-rounds');
  lines.push('');
  lines.push(`- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; command: \`npm run bench:log-rounds\` (swc build, then \`node dist/bench/log-rounds.bench.js\`), LOG_BENCH_ROUNDS=${ROUNDS}, LOG_BENCH_SECONDS=${SECONDS}${baseline ? `, LOG_BENCH_BASELINE=<a worktree of ${baselineLabel}, built>` : ''}`);
  lines.push(`- Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM; Node ${process.version}; load average when the run ended: ${loadavg().map((n) => n.toFixed(2)).join(', ')}. The machine is shared: compare within the run.`);
  lines.push(`- Each measurement is a fresh child process: an EmbeddedEventStore in a temporary folder, N appenders each appending one ${'`booking.placed.v1`'}-sized event to a new stream in a loop, ${WARM_UP_MS / 1000} s warm-up, ${SECONDS} s measured; every append acknowledged only after its fdatasync. ${ROUNDS} rounds${baseline ? ', the builds taking turns to go first' : ''}; the median of the rounds, with the range.`);
  lines.push('');
  lines.push('| Build | appenders | appends/s | CPU per append | event loop per append | append p50 | append p99 |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|');
  const range = (values: number[], digits = 0) => `${fmt(median(values), digits)} (${fmt(Math.min(...values), digits)}–${fmt(Math.max(...values), digits)})`;
  for (const [label] of builds) {
    for (const appenders of APPENDERS) {
      const runs = results.get(`${label}|${appenders}`) as Measurement[];
      lines.push(
        `| ${label} | ${appenders} | ${range(runs.map((r) => r.perSecond))} | ${range(runs.map((r) => r.cpuUsPerAppend), 1)} µs | ${range(runs.map((r) => r.loopUsPerAppend), 1)} µs | ${range(runs.map((r) => r.p50Ms), 2)} ms | ${range(runs.map((r) => r.p99Ms), 2)} ms |`,
      );
    }
  }
  if (baseline) {
    lines.push('');
    for (const appenders of APPENDERS) {
      const before = results.get(`${baselineLabel}|${appenders}`) as Measurement[];
      const after = results.get(`this checkout|${appenders}`) as Measurement[];
      // Round by round: both builds of one round ran within seconds of each other.
      const ratios = after.map((run, i) => run.perSecond / before[i].perSecond);
      const cpuRatios = after.map((run, i) => run.cpuUsPerAppend / before[i].cpuUsPerAppend);
      lines.push(`- ${appenders} appenders, this checkout against ${baselineLabel}, round by round: appends/s ${ratios.map((r) => `${fmt(r, 2)}×`).join(', ')}; CPU per append ${cpuRatios.map((r) => `${fmt(r, 2)}×`).join(', ')}.`);
    }
  }
  const section = lines.join('\n');
  process.stdout.write(`${section}\n`);
  if (!process.env.LOG_BENCH_NO_WRITE) writeResultsSection(join(ROOT, 'bench', 'RESULTS.md'), section);
};

if (process.argv[2] === '--child') {
  const [root, appenders, seconds] = process.argv.slice(3);
  measureChild(root, Number(appenders), Number(seconds)).then(
    (measurement) => process.stdout.write(`${JSON.stringify(measurement)}\n`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  main();
}
