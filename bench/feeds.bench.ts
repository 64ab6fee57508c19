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
 * append-to-receipt.
 * FEEDS_BENCH_SECONDS (default 8) sets each measured window, FEEDS_BENCH_CLIENTS (default 1000)
 * the clients, FEEDS_BENCH_CPU_PROF=<folder> has the server write a V8 CPU profile there.
 */
import { Logger } from '@nestjs/common';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { createTokenService } from '@tessera/platform/security/token-service';
import type { LoadConfig, LoadResult } from './support/closed-loop-load';
import { cpuMillisecondsOf, freePort } from './support/process-stats';
import type { SseClientsConfig, SseClientsResult } from './support/sse-clients';

const ROOT = resolve(__dirname, '..', '..');
const SECONDS = Number(process.env.FEEDS_BENCH_SECONDS ?? 8);
const CLIENTS = Number(process.env.FEEDS_BENCH_CLIENTS ?? 1000);
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

interface Server {
  url: string;
  child: ChildProcess;
  cpuMs(): number;
  stop(): Promise<void>;
}

const startServer = async (): Promise<Server & { dataDir: string }> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'tessera-bench-feeds-'));
  const port = await freePort();
  const profile = process.env.FEEDS_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.FEEDS_BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, join(ROOT, 'dist/apps/standalone/src/main.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, JWT_SECRET, LOG_LEVEL: 'warn', NODE_ENV: 'development', RATE_LIMIT_GLOBAL_PER_IP: '1000000000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (await fetch(`${url}/health/live`).then((res) => res.ok, () => false)) break;
    if (i > 300) throw new Error('the server did not start');
    await new Promise((done) => setTimeout(done, 50));
  }
  return { url, dataDir, child, cpuMs: () => cpuMillisecondsOf(child.pid), stop: async () => (child.kill('SIGTERM'), await exited) };
};

const post = async (url: string, token: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

const createShow = async (url: string): Promise<string> => {
  const admin = await tokenFor('bench-admin', ['admin']);
  const created = await post(`${url}/api/shows`, admin, {
    name: 'Bench',
    venue: 'Arena',
    startsAt: '2030-05-01T19:30:00Z',
    currency: 'EUR',
    holdMinutes: 10,
    maxSeatsPerBooking: 4,
    categories: [{ id: 'std', name: 'Standard', price: 4500 }],
    sections: Array.from({ length: SECTIONS }, (_, s) => ({
      id: `S${s + 1}`,
      name: `S${s + 1}`,
      categoryId: 'std',
      rows: Array.from({ length: ROWS }, (_, i) => ({ label: String(i + 1), seats: SEATS_PER_ROW })),
    })),
  });
  if (created.status !== 201) throw new Error(`create show: ${JSON.stringify(created.body)}`);
  const showId = created.body.showId as string;
  if ((await post(`${url}/api/shows/${showId}/publish`, admin)).status !== 200) throw new Error('publish failed');
  return showId;
};

interface Phase extends LoadResult {
  serverCpuMsPerRequest: number;
}

/** One hold phase from the load generator; `onMeasuring` runs when its window opens. */
const runHolds = async (server: Server, config: Omit<LoadConfig, 'host' | 'port' | 'connections' | 'warmUpSeconds' | 'request'> & { token: string }, onMeasuring?: () => void): Promise<Phase> => {
  const load: LoadConfig = {
    host: '127.0.0.1',
    port: Number(new URL(server.url).port),
    connections: CONNECTIONS,
    warmUpSeconds: WARM_UP_SECONDS,
    seconds: config.seconds,
    meanPauseMs: config.meanPauseMs,
    request: { method: 'POST', path: '/api/bookings', headers: { authorization: `Bearer ${config.token}` } },
    seats: config.seats,
  };
  const child = spawn(process.execPath, [join(ROOT, 'dist/bench/support/closed-loop-load.js'), JSON.stringify(load)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let cpuAtStart = 0;
  let cpuInWindow = 0;
  let result: LoadResult | undefined;
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    let newline: number;
    while ((newline = pending.indexOf('\n')) !== -1) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (line === 'measuring') {
        cpuAtStart = server.cpuMs();
        onMeasuring?.();
      } else if (line === 'measured') cpuInWindow = server.cpuMs() - cpuAtStart;
      else if (line.startsWith('result ')) result = JSON.parse(line.slice('result '.length)) as LoadResult;
    }
  });
  const code = await new Promise<number | null>((done) => child.once('close', done));
  if (code !== 0 || !result) throw new Error(`the load generator failed (exit ${code})`);
  if (result.non2xx + result.socketErrors > 0) throw new Error(`holds failed: ${JSON.stringify(result.statuses)}, ${result.socketErrors} socket errors`);
  return { ...result, serverCpuMsPerRequest: cpuInWindow / Math.max(1, result.requests) };
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
    const issued = await post(`${server.url}/api/notifications/stream-tokens`, access);
    if (issued.status !== 201) throw new Error(`stream token: ${issued.status}`);
    streamTokens.push(issued.body.token as string);
  }
  const config: SseClientsConfig = { url: server.url, tokens: streamTokens };
  const child = spawn(process.execPath, [join(ROOT, 'dist/bench/support/sse-clients.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.write(`${JSON.stringify(config)}\n`);
  let connected!: () => void;
  const ready = new Promise<void>((done) => (connected = done));
  let settle!: (result: SseClientsResult) => void;
  let fail!: (error: Error) => void;
  const result = new Promise<SseClientsResult>((done, reject) => ((settle = done), (fail = reject)));
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    let newline: number;
    while ((newline = pending.indexOf('\n')) !== -1) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (line === 'connected') connected();
      else if (line.startsWith('result ')) settle(JSON.parse(line.slice('result '.length)) as SseClientsResult);
    }
  });
  child.once('close', (code) => fail(new Error(`the stream clients ended (exit ${code})`)));
  await Promise.race([ready, result]);
  return { measure: (seconds) => child.stdin.write(`measure ${seconds}\n`), result, stop: () => child.kill('SIGKILL') };
};

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (n: number) => `${fmt(n, n < 10 ? 1 : 0)} ms`;
const settle = (): Promise<void> => new Promise((done) => setTimeout(done, 2000));

const main = async () => {
  const server = await startServer();
  try {
    const showId = await createShow(server.url);
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
    const serverCpuInWindow = withClients.serverCpuMsPerRequest * withClients.requests;
    clients.stop();
    await settle();
    const aloneAfter = await holds(meanPauseMs, SECONDS);
    const alone = (aloneBefore.perSecond + aloneAfter.perSecond) / 2;
    const ratio = withClients.perSecond / alone;
    const eventsPerHold = 2; // booking.placed.v1 and seat.held.v1
    const expectedMessages = withClients.perSecond * eventsPerHold * CLIENTS * STAFF_SHARE + withClients.perSecond * CLIENTS * (1 - STAFF_SHARE);

    const lines: string[] = [];
    lines.push('## bench:feeds');
    lines.push('');
    lines.push(`- Date: ${new Date().toISOString().slice(0, 10)}; command: \`npm run bench:feeds\` (swc build, then \`node dist/bench/feeds.bench.js\`), FEEDS_BENCH_SECONDS=${SECONDS}, FEEDS_BENCH_CLIENTS=${CLIENTS}`);
    lines.push(`- Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM; Node ${process.version}; load average when the run ended: ${loadavg().map((n) => n.toFixed(2)).join(', ')}. The machine was shared with other jobs (other engineers' builds and tests) during the run: compare the ratios within the run, not the absolute figures.`);
    lines.push(`- The standalone server in its own process; the holds from \`bench/support/closed-loop-load.ts\` (${CONNECTIONS} connections, one new seat of a ${fmt(SECTIONS * ROWS * SEATS_PER_ROW)}-seat show per \`POST /api/bookings\`, ${WARM_UP_SECONDS} s warm-up, ${SECONDS} s window), the stream clients from \`bench/support/sse-clients.ts\` (${fmt(CLIENTS)} \`GET /api/notifications/stream\`, raw node:http: ${fmt(CLIENTS * STAFF_SHARE)} staff, who get both events of every hold, \`booking.placed.v1\` and \`seat.held.v1\`, in full; ${fmt(CLIENTS * (1 - STAFF_SHARE))} fans, who get every \`seat.held.v1\` reduced to showId and seatId), each in its own process on the same ${cpus().length} cores.`);
    lines.push(`- Latency: from the event's \`occurredAt\` (the server's clock when the hold's command started, just before the append) to its receipt by a client, over every message received in the window: an upper bound of append-to-receipt (it also holds the command's own work before its append).`);
    lines.push('');
    lines.push(`Saturated holds: ${fmt(saturated.perSecond)} holds/s (p99 ${ms(saturated.p99)}). Half of it is offered by pausing each connection ${meanPauseMs} ms on average between holds.`);
    lines.push('');
    lines.push('| Phase | holds/s | hold p50 | hold p99 | server CPU/hold |');
    lines.push('|---|---:|---:|---:|---:|');
    lines.push(`| half rate, no clients (before) | ${fmt(aloneBefore.perSecond)} | ${ms(aloneBefore.p50)} | ${ms(aloneBefore.p99)} | ${fmt(aloneBefore.serverCpuMsPerRequest, 3)} ms |`);
    lines.push(`| half rate, ${fmt(CLIENTS)} stream clients | ${fmt(withClients.perSecond)} | ${ms(withClients.p50)} | ${ms(withClients.p99)} | ${fmt(withClients.serverCpuMsPerRequest, 3)} ms |`);
    lines.push(`| half rate, no clients (after) | ${fmt(aloneAfter.perSecond)} | ${ms(aloneAfter.p50)} | ${ms(aloneAfter.p99)} | ${fmt(aloneAfter.serverCpuMsPerRequest, 3)} ms |`);
    lines.push('');
    lines.push('| Stream clients | messages received | messages/s delivered | expected/s (from the holds) | append-to-receipt p50 | p99 | max | streams dropped | Targets (p99 ≤ 100 ms; holds ≥ 0.9× without clients) |');
    lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    lines.push(
      `| ${fmt(received.clients)} | ${fmt(received.messages)} | ${fmt(received.messagesPerSecond)} | ${fmt(expectedMessages)} | ${ms(received.p50)} | ${ms(received.p99)} | ${ms(received.max)} | ${received.dropped} | p99 ${received.p99 <= 100 ? 'met' : 'MISSED'}; holds ${fmt(ratio, 2)}× ${ratio >= 0.9 ? 'met' : 'MISSED'} |`,
    );
    lines.push('');
    lines.push(
      `CPU in the window with clients: the server ${fmt(serverCpuInWindow / SECONDS / 10, 0)}% of one core (holds and stream together), the clients' process ${fmt(received.cpuMs / SECONDS / 10, 0)}%. Load average during the run ${loadavg()[0].toFixed(1)} on ${cpus().length} cores: every process waited for a core, so the latency figures hold that wait.`,
    );
    const aloneCpu = (aloneBefore.serverCpuMsPerRequest + aloneAfter.serverCpuMsPerRequest) / 2;
    const messagesPerHold = CLIENTS * STAFF_SHARE * eventsPerHold + CLIENTS * (1 - STAFF_SHARE);
    const perMessageUs = ((withClients.serverCpuMsPerRequest - aloneCpu) * 1000) / messagesPerHold;
    lines.push('');
    lines.push(
      `Reading the figures: each hold makes ${fmt(messagesPerHold)} messages for these clients. The server spent ${fmt(withClients.serverCpuMsPerRequest - aloneCpu, 2)} ms more CPU per hold with them than without (the mean of the two phases without), about ${fmt(perMessageUs, 1)} µs per message sent: the socket writes (one per client per SSE_FLUSH_MS, all of a flush's messages in it), with each event formatted once. Where the server and the clients get only a fraction of a core each, as here, every millisecond of that work waits for a core several times over, and the latency grows with the wait.`,
    );
    const section = lines.join('\n');
    process.stdout.write(`${section}\n`);
    if (process.env.FEEDS_BENCH_NO_WRITE) return;
    const resultsPath = join(ROOT, 'bench', 'RESULTS.md');
    const current = readFileSync(resultsPath, 'utf8');
    const start = current.indexOf('## bench:feeds');
    let updated: string;
    if (start === -1) updated = `${current.trimEnd()}\n\n${section}`;
    else {
      const end = current.indexOf('\n## ', start + 1);
      updated = current.slice(0, start) + section + (end === -1 ? '' : `\n${current.slice(end + 1)}`);
    }
    writeFileSync(resultsPath, updated.endsWith('\n') ? updated : `${updated}\n`);
  } finally {
    await server.stop();
    await rm(server.dataDir, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
