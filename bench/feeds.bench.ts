/**
 * bench:feeds — the live stream under load: 1,000 concurrent SSE clients (staff and fans mixed)
 * while holds run at half the saturated hold rate, against the same holds without clients, in
 * one run; written to bench/RESULTS.md (section "bench:feeds").
 *   npm run bench:feeds        (builds with swc, then: node dist/bench/feeds.bench.js)
 * Three processes besides this one: the standalone server (`dist/apps/standalone/src/main.js`),
 * the hold load (bench/support/closed-loop-load.ts, 64 connections) and the stream clients
 * (bench/support/sse-clients.ts). Phases: saturated holds (the rate), then at half that rate
 * without clients, with the clients, and without them again (A-B-A, so that drift on a shared
 * machine shows). Latency is from each event's `occurredAt` (the server's clock when the hold's
 * command started, just before its append) to its receipt by a client: an upper bound of
 * append-to-receipt. Receipt is when the bytes reach the clients' 'data' callback, so it also
 * holds the time they waited in the clients' socket while that process was busy: the clients
 * report their event-loop delay and utilisation in the window to show how much that can be.
 * FEEDS_BENCH_SECONDS (default 8) sets each measured window, FEEDS_BENCH_CLIENTS (default 1000)
 * the clients, FEEDS_BENCH_CPU_PROF=<folder> has the server write a V8 CPU profile there.
 * FEEDS_BENCH_BASELINE=<folder of another checkout, built> (e.g. a `git worktree` of main before a
 * change, after `npm run build` there) measures that checkout's standalone server first, the same
 * way, for a before/after in one run; FEEDS_BENCH_BASELINE_LABEL names it in the table.
 * FEEDS_BENCH_ROUNDS=<n> (default 1) measures the servers n times, alternating their order with a
 * baseline (baseline first in odd rounds, this checkout first in even ones).
 * FEEDS_BENCH_SERVER_ENV='SSE_FLUSH_MS=20 …' (space-separated NAME=value) sets the environment of
 * this checkout's server only (not the baseline's): a setting A/B in one run.
 * FEEDS_BENCH_SECTION names the section of RESULTS.md it writes (default "bench:feeds").
 * FEEDS_BENCH_NO_WRITE=1 prints the section without writing RESULTS.md.
 */
import { Logger } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { createTokenService } from '@tessera/platform/security/token-service';
import { arena, createBenchShow, postJson } from './support/bench-show';
import type { LoadConfig } from './support/closed-loop-load';
import { eachLine } from './support/lines';
import { runLoadPhase, type LoadPhase } from './support/load-phase';
import { writeResultsSection } from './support/results-file';
import { startBenchServer, type BenchServer } from './support/standalone-server';
import type { SseClientsConfig, SseClientsResult } from './support/sse-clients';

const ROOT = resolve(__dirname, '..', '..');
const SECONDS = Number(process.env.FEEDS_BENCH_SECONDS ?? 8);
const CLIENTS = Number(process.env.FEEDS_BENCH_CLIENTS ?? 1000);
const ROUNDS = Number(process.env.FEEDS_BENCH_ROUNDS ?? 1);
/** One in five clients is staff (every event in full); the others are fans (seat availability, reduced). */
const STAFF_SHARE = 0.2;
const CONNECTIONS = 64;
const WARM_UP_SECONDS = 2;
const JWT_SECRET = 'bench-feeds-secret-of-at-least-32-characters';
const SECTIONS = 100;
const ROWS = 10;
const SEATS_PER_ROW = 100;

const tokens = createTokenService({ secret: JWT_SECRET, production: false, logger: new Logger('bench') });
const tokenFor = async (userId: string, roles: ('user' | 'staff' | 'admin')[] = ['user']) => (await tokens.issueAccessToken({ userId, roles })).accessToken;

type Server = BenchServer;

/** FEEDS_BENCH_SERVER_ENV as variables: `A=1 B=2`. */
const serverEnv = (): Record<string, string> =>
  Object.fromEntries(
    (process.env.FEEDS_BENCH_SERVER_ENV ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf('=');
        if (at < 1) throw new Error(`FEEDS_BENCH_SERVER_ENV: ${pair} is not NAME=value`);
        return [pair.slice(0, at), pair.slice(at + 1)];
      }),
  );

/** FEEDS_BENCH_CPU_PROF=<folder>: the server and the stream clients' process each write a V8 CPU profile there. */
const CPU_PROF = process.env.FEEDS_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.FEEDS_BENCH_CPU_PROF}`] : [];

/** The standalone server of the checkout at `root`. */
const startServer = (root: string, env: Record<string, string> = {}): Promise<Server> => startBenchServer({ root, env: { ...env, JWT_SECRET }, nodeArgs: CPU_PROF });

/** One hold phase from the load generator; `onMeasuring` runs when its window opens. */
const runHolds = async (server: Server, config: Pick<LoadConfig, 'seconds' | 'meanPauseMs' | 'seats'> & { token: string }, onMeasuring?: () => void): Promise<LoadPhase> => {
  const result = await runLoadPhase(
    {
      host: '127.0.0.1',
      port: Number(new URL(server.url).port),
      connections: CONNECTIONS,
      warmUpSeconds: WARM_UP_SECONDS,
      seconds: config.seconds,
      meanPauseMs: config.meanPauseMs,
      request: { method: 'POST', path: '/api/bookings', headers: { authorization: `Bearer ${config.token}` } },
      seats: config.seats,
    },
    server.child.pid,
    onMeasuring,
  );
  if (result.non2xx + result.socketErrors > 0) throw new Error(`holds failed: ${JSON.stringify(result.statuses)}, ${result.socketErrors} socket errors`);
  return result;
};

interface Clients {
  measure(seconds: number): void;
  result: Promise<SseClientsResult>;
  stop(): void;
}

/** Starts the stream clients' process and resolves once every stream is open. */
const startClients = async (server: Server, count: number): Promise<Clients> => {
  const streamTokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const access = await tokenFor(`bench-${i < count * STAFF_SHARE ? 'staff' : 'fan'}-${i}`, i < count * STAFF_SHARE ? ['staff'] : ['user']);
    const issued = await postJson(`${server.url}/api/notifications/stream-tokens`, access);
    if (issued.status !== 201) throw new Error(`stream token: ${issued.status}`);
    streamTokens.push(issued.body.token as string);
  }
  const config: SseClientsConfig = { url: server.url, tokens: streamTokens };
  const child = spawn(process.execPath, [...CPU_PROF, join(ROOT, 'dist/bench/support/sse-clients.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.write(`${JSON.stringify(config)}\n`);
  let connected!: () => void;
  const ready = new Promise<void>((done) => (connected = done));
  let settle!: (result: SseClientsResult) => void;
  let fail!: (error: Error) => void;
  const result = new Promise<SseClientsResult>((done, reject) => ((settle = done), (fail = reject)));
  eachLine(child.stdout, (line) => {
    if (line === 'connected') connected();
    else if (line.startsWith('result ')) settle(JSON.parse(line.slice('result '.length)) as SseClientsResult);
  });
  child.once('close', (code) => fail(new Error(`the stream clients ended (exit ${code})`)));
  await Promise.race([ready, result]);
  return { measure: (seconds) => child.stdin.write(`measure ${seconds}\n`), result, stop: () => child.kill('SIGKILL') };
};

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (n: number) => `${fmt(n, n < 10 ? 1 : 0)} ms`;
const settle = (): Promise<void> => new Promise((done) => setTimeout(done, 2000));

interface FeedsRun {
  label: string;
  saturated: LoadPhase;
  meanPauseMs: number;
  aloneBefore: LoadPhase;
  withClients: LoadPhase;
  aloneAfter: LoadPhase;
  received: SseClientsResult;
  /** The 1-minute load average when the window with clients closed. */
  load: number;
}

const EVENTS_PER_HOLD = 2; // booking.placed.v1 and seat.held.v1
const MESSAGES_PER_HOLD = CLIENTS * STAFF_SHARE * EVENTS_PER_HOLD + CLIENTS * (1 - STAFF_SHARE);

/** Every phase against the standalone server of the checkout at `root` (its own build). */
const measure = async (label: string, root: string, env: Record<string, string> = {}): Promise<FeedsRun> => {
  const server = await startServer(root, env);
  try {
    const showId = await createBenchShow(server.url, await tokenFor('bench-admin', ['admin']), arena(SECTIONS, ROWS, SEATS_PER_ROW));
    const token = await tokenFor('bench-holder');
    let nextSeat = 0;
    const holds = async (meanPauseMs: number, seconds: number, onMeasuring?: () => void) => {
      const phase = await runHolds(server, { seconds, meanPauseMs, token, seats: { showId, firstSeat: nextSeat, rowsPerSection: ROWS, seatsPerRow: SEATS_PER_ROW } }, onMeasuring);
      nextSeat += phase.seatsUsed;
      await settle();
      return phase;
    };
    await holds(0, 1); // JIT
    const saturated = await holds(0, SECONDS);
    const meanPauseMs = Math.round((CONNECTIONS * 1000) / (saturated.perSecond * 0.5));
    const aloneBefore = await holds(meanPauseMs, SECONDS);
    const clients = await startClients(server, CLIENTS);
    // The clients' window opens with the hold window, and is as long.
    const withClients = await holds(meanPauseMs, SECONDS, () => clients.measure(SECONDS));
    const received = await clients.result;
    const load = loadavg()[0];
    clients.stop();
    await settle();
    const aloneAfter = await holds(meanPauseMs, SECONDS);
    return { label, saturated, meanPauseMs, aloneBefore, withClients, aloneAfter, received, load };
  } finally {
    await server.dispose();
  }
};

const ratioOf = (run: FeedsRun): number => run.withClients.perSecond / ((run.aloneBefore.perSecond + run.aloneAfter.perSecond) / 2);
/** Server CPU per hold that the clients add: with them, against the mean of the phases without. */
const addedCpuMsOf = (run: FeedsRun): number => run.withClients.serverCpuMsPerRequest - (run.aloneBefore.serverCpuMsPerRequest + run.aloneAfter.serverCpuMsPerRequest) / 2;

const main = async () => {
  const baseline = process.env.FEEDS_BENCH_BASELINE;
  const env = serverEnv();
  const envLabel = Object.entries(env)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
  const thisLabel = envLabel ? `this checkout (${envLabel})` : 'this checkout';
  const baselineLabel = process.env.FEEDS_BENCH_BASELINE_LABEL ?? 'the baseline';
  const runs: FeedsRun[] = [];
  // With a baseline, the order alternates round by round (A B, B A, A B, …), so that a drift of
  // the shared machine's load weighs on both alike.
  for (let round = 1; round <= ROUNDS; round++) {
    const suffix = ROUNDS > 1 ? `, round ${round}` : '';
    const servers: [string, string, Record<string, string>][] = [[`${thisLabel}${suffix}`, ROOT, env]];
    if (baseline) servers[round % 2 === 1 ? 'unshift' : 'push']([`${baselineLabel}${suffix}`, resolve(baseline), {}]);
    for (const [label, root, serverEnvironment] of servers) runs.push(await measure(label, root, serverEnvironment));
  }

  const lines: string[] = [];
  lines.push(`## ${process.env.FEEDS_BENCH_SECTION ?? 'bench:feeds'}`);
  lines.push('');
  lines.push(`- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; command: \`npm run bench:feeds\` (swc build, then \`node dist/bench/feeds.bench.js\`), FEEDS_BENCH_SECONDS=${SECONDS}, FEEDS_BENCH_CLIENTS=${CLIENTS}${ROUNDS > 1 ? `, FEEDS_BENCH_ROUNDS=${ROUNDS}` : ''}${envLabel ? `, FEEDS_BENCH_SERVER_ENV='${envLabel}'` : ''}${baseline ? `, FEEDS_BENCH_BASELINE=<a worktree of ${baselineLabel}, built>` : ''}`);
  lines.push(`- Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM; Node ${process.version}; load average when the run ended: ${loadavg().map((n) => n.toFixed(2)).join(', ')}. The machine is shared with other jobs: compare the ratios within the run, not the absolute figures.`);
  lines.push(`- The standalone server in its own process; the holds from \`bench/support/closed-loop-load.ts\` (${CONNECTIONS} connections, one new seat of a ${fmt(SECTIONS * ROWS * SEATS_PER_ROW)}-seat show per \`POST /api/bookings\`, ${WARM_UP_SECONDS} s warm-up, ${SECONDS} s window), the stream clients from \`bench/support/sse-clients.ts\` (${fmt(CLIENTS)} \`GET /api/notifications/stream\`, raw node:http: ${fmt(CLIENTS * STAFF_SHARE)} staff, who get both events of every hold, \`booking.placed.v1\` and \`seat.held.v1\`, in full; ${fmt(CLIENTS * (1 - STAFF_SHARE))} fans, who get every \`seat.held.v1\` reduced to showId and seatId), each in its own process on the same ${cpus().length} cores. Phases per server: saturated holds (the rate), then half that rate without clients, with the clients, and without them again (A-B-A).${runs.length > 1 ? ` The servers were measured one after the other (${ROUNDS > 1 ? 'the baseline first in odd rounds, this checkout first in even ones' : 'the baseline first'}), each with the load generator and clients of this checkout.` : ''}`);
  lines.push(`- Latency: from the event's \`occurredAt\` (the server's clock when the hold's command started, just before the append) to its receipt by a client (Date.now() when the socket's bytes reach the clients' 'data' callback; each message's \`occurredAt\` read from the bytes, no JSON or date parsing), over every message received in the window: an upper bound of append-to-receipt (it also holds the command's own work before its append, and the time the bytes wait in the clients' socket while their event loop is busy: see the clients' event-loop delay below).`);
  lines.push('');
  lines.push('| Server | saturated holds/s | phase (half rate) | holds/s | hold p50 | hold p99 | server CPU/hold |');
  lines.push('|---|---:|---|---:|---:|---:|---:|');
  for (const run of runs) {
    const phases: [string, LoadPhase][] = [['no clients (before)', run.aloneBefore], [`${fmt(CLIENTS)} stream clients`, run.withClients], ['no clients (after)', run.aloneAfter]];
    for (const [i, [name, phase]] of phases.entries()) {
      lines.push(`| ${i === 0 ? run.label : ''} | ${i === 0 ? fmt(run.saturated.perSecond) : ''} | ${name} | ${fmt(phase.perSecond)} | ${ms(phase.p50)} | ${ms(phase.p99)} | ${fmt(phase.serverCpuMsPerRequest, 3)} ms |`);
    }
  }
  lines.push('');
  lines.push('| Server | load average (1 min) | messages received | messages/s delivered | expected/s (from the holds) | append-to-receipt p50 | p99 | max | streams dropped | server CPU per message | Targets (p99 ≤ 100 ms; holds ≥ 0.9× without clients) |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const run of runs) {
    const { received, withClients } = run;
    const ratio = ratioOf(run);
    const expected = withClients.perSecond * MESSAGES_PER_HOLD;
    lines.push(
      `| ${run.label} | ${run.load.toFixed(1)} | ${fmt(received.messages)} | ${fmt(received.messagesPerSecond)} | ${fmt(expected)} | ${ms(received.p50)} | ${ms(received.p99)} | ${ms(received.max)} | ${received.dropped} | ${fmt((addedCpuMsOf(run) * 1000) / MESSAGES_PER_HOLD, 2)} µs | p99 ${received.p99 <= 100 ? 'met' : 'MISSED'}; holds ${fmt(ratio, 2)}× ${ratio >= 0.9 ? 'met' : 'MISSED'} |`,
    );
  }
  lines.push('');
  for (const run of runs) {
    const serverCpuInWindow = run.withClients.serverCpuMsPerRequest * run.withClients.requests;
    lines.push(
      `CPU in the window with clients (${run.label}): the server ${fmt(serverCpuInWindow / SECONDS / 10, 0)}% of one core (holds and stream together), the clients' process ${fmt(run.received.cpuMs / SECONDS / 10, 0)}% (its event loop busy ${fmt(run.received.loopUtilization * 100, 0)}% of the window, its event-loop delay p50 ${ms(run.received.loopDelayP50)}, p99 ${ms(run.received.loopDelayP99)}, max ${ms(run.received.loopDelayMax)}: at most that much of a message's latency is the clients' own queueing); each client read ${fmt(run.received.reads / run.received.clients / SECONDS, 1)} times a second, ${fmt(run.received.messages / Math.max(1, run.received.reads), 1)} messages a read; the clients added ${fmt(addedCpuMsOf(run), 2)} ms of server CPU per hold (${fmt(MESSAGES_PER_HOLD)} messages).`,
    );
    lines.push('');
  }
  lines.push(`Load average at the end of the run ${loadavg()[0].toFixed(1)} on ${cpus().length} cores.`);
  const section = lines.join('\n');
  process.stdout.write(`${section}\n`);
  if (process.env.FEEDS_BENCH_NO_WRITE) return;
  writeResultsSection(join(ROOT, 'bench', 'RESULTS.md'), section);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
