/**
 * bench:holds — seat holds against the standalone server, reported against a bare GET route on
 * the same server in the same run, and written to bench/RESULTS.md (section "bench:holds").
 *   npm run bench:holds        (builds with swc, then: node dist/bench/holds.bench.js)
 * The server runs as its own process (`dist/apps/standalone/src/main.js`, as `npm start` runs
 * it), so the load generator does not share its event loop. Legs: in-process seat locks, then
 * Redlock on the local Redis (REDIS_URLS=redis://127.0.0.1:6379); then a flash sale.
 * Set HOLDS_BENCH_SECONDS to change the length of each measured phase (default 5).
 */
import { Logger } from '@nestjs/common';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServer } from 'node:net';
import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import { createTokenService } from '@tessera/platform/security/token-service';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  statusCodeStats: Record<string, { count: number }>;
  duration: number;
}

const ROOT = resolve(__dirname, '..', '..');
const SECONDS = Number(process.env.HOLDS_BENCH_SECONDS ?? 5);
const CONNECTIONS = 64;
const JWT_SECRET = 'bench-holds-secret-of-at-least-32-characters';
const REDIS_URL = 'redis://127.0.0.1:6379';

const tokens = createTokenService({ secret: JWT_SECRET, production: false, logger: new Logger('bench') });
const tokenFor = async (userId: string, roles: ('user' | 'admin')[] = ['user']) => (await tokens.issueAccessToken({ userId, roles })).accessToken;

const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

interface Server {
  url: string;
  dataDir: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const startServer = async (env: Record<string, string>): Promise<Server> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'tessera-bench-holds-'));
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps/standalone/src/main.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, JWT_SECRET, LOG_LEVEL: 'warn', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (await fetch(`${url}/health/live`).then((res) => res.ok, () => false)) break;
    if (i > 300) throw new Error('the server did not start');
    await new Promise((done) => setTimeout(done, 50));
  }
  return {
    url,
    dataDir,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
};

const post = async (url: string, token: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

const createShow = async (url: string, rows: number, seatsPerRow: number): Promise<string> => {
  const admin = await tokenFor('bench-admin', ['admin']);
  const created = await post(`${url}/api/shows`, admin, {
    name: 'Bench',
    venue: 'Arena',
    startsAt: '2030-05-01T19:30:00Z',
    currency: 'EUR',
    holdMinutes: 10,
    maxSeatsPerBooking: 4,
    categories: [{ id: 'std', name: 'Standard', price: 4500 }],
    sections: [{ id: 'A', name: 'A', categoryId: 'std', rows: Array.from({ length: rows }, (_, i) => ({ label: String(i + 1), seats: seatsPerRow })) }],
  });
  if (created.status !== 201) throw new Error(`create show: ${JSON.stringify(created.body)}`);
  const showId = created.body.showId as string;
  const published = await post(`${url}/api/shows/${showId}/publish`, admin);
  if (published.status !== 200) throw new Error(`publish: ${JSON.stringify(published.body)}`);
  return showId;
};

interface Leg {
  locks: string;
  bare: AutocannonResult;
  holds: AutocannonResult;
}

const measureLeg = async (locks: string, env: Record<string, string>): Promise<Leg> => {
  const server = await startServer(env);
  try {
    const showId = await createShow(server.url, 100, 1000);
    const token = await tokenFor('bench-buyer');
    // Warm-up: JIT, connections, the first appends.
    await autocannon({ url: `${server.url}/health/live`, connections: CONNECTIONS, duration: 1 });
    const bare = await autocannon({ url: `${server.url}/health/live`, connections: CONNECTIONS, duration: SECONDS });
    let next = 0;
    const nextSeat = () => {
      const n = next++;
      return `A-${Math.floor(n / 1000) + 1}-${(n % 1000) + 1}`;
    };
    const holds = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      requests: [
        {
          method: 'POST',
          path: '/api/bookings',
          setupRequest: (request: Record<string, unknown>) => ({ ...request, body: JSON.stringify({ showId, seats: [nextSeat()] }) }),
        },
      ],
    });
    return { locks, bare, holds };
  } finally {
    await server.stop();
    await rm(server.dataDir, { recursive: true, force: true });
  }
};

interface FlashSale {
  buyers: number;
  seats: number;
  sellOutSeconds: number;
  confirmed: number;
  holdAttempts: number;
  refusals: number;
  errors: number;
  soldInLog: number;
  oversold: number;
}

/** 2,000 buyers at once for a 1,000-seat section: hold a random seat not known taken, pay, repeat on 409. */
const flashSale = async (env: Record<string, string>): Promise<FlashSale> => {
  const server = await startServer(env);
  const BUYERS = 2000;
  const SEATS = 1000;
  try {
    const showId = await createShow(server.url, 1, SEATS);
    const all = Array.from({ length: SEATS }, (_, i) => `A-1-${i + 1}`);
    const taken = new Set<string>();
    const buyers = await Promise.all(Array.from({ length: BUYERS }, (_, i) => tokenFor(`fan-${i}`)));
    let confirmed = 0;
    let holdAttempts = 0;
    let refusals = 0;
    let errors = 0;
    let soldOutAt = 0;
    const started = performance.now();
    const buy = async (token: string): Promise<void> => {
      while (taken.size < SEATS) {
        const free = all.filter((seat) => !taken.has(seat));
        const seat = free[Math.floor(Math.random() * free.length)];
        holdAttempts++;
        const held = await post(`${server.url}/api/bookings`, token, { showId, seats: [seat] }).catch(() => ({ status: 0, body: {} as Record<string, unknown> }));
        if (held.status === 409) {
          refusals++;
          for (const s of (held.body.seats as string[] | undefined) ?? [seat]) taken.add(s);
          continue;
        }
        if (held.status !== 201) {
          errors++;
          continue;
        }
        taken.add(seat);
        const paid = await post(`${server.url}/api/bookings/${held.body.bookingId as string}/payment`, token, {
          card: { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' },
        });
        if (paid.status === 200) {
          confirmed++;
          if (confirmed === SEATS) soldOutAt = performance.now();
        } else errors++;
        return;
      }
    };
    await Promise.all(buyers.map(buy));
    const sellOutSeconds = ((soldOutAt || performance.now()) - started) / 1000;
    await server.stop();

    const log = await EmbeddedEventStore.open({ dataDir: server.dataDir });
    const soldBy = new Map<string, string[]>();
    for await (const event of log.readAll({ filter: { eventTypes: ['seat.sold.v1', 'seat.released.v1'] } })) {
      const list = soldBy.get(event.stream) ?? [];
      if (event.type === 'seat.sold.v1') list.push((event.data as { bookingId: string }).bookingId);
      else list.pop();
      soldBy.set(event.stream, list);
    }
    await log.close();
    const soldInLog = [...soldBy.values()].reduce((sum, list) => sum + list.length, 0);
    const oversold = [...soldBy.values()].reduce((sum, list) => sum + Math.max(0, list.length - 1), 0);
    return { buyers: BUYERS, seats: SEATS, sellOutSeconds, confirmed, holdAttempts, refusals, errors, soldInLog, oversold };
  } finally {
    if (server.child.exitCode === null) await server.stop();
    await rm(server.dataDir, { recursive: true, force: true });
  }
};

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const main = async () => {
  const legs = [await measureLeg('in-process', {}), await measureLeg('Redlock (1 local Redis)', { REDIS_URLS: REDIS_URL })];
  const sale = await flashSale({});
  const lines: string[] = [];
  lines.push('## bench:holds');
  lines.push('');
  lines.push(`- Date: ${new Date().toISOString().slice(0, 10)}; command: \`npm run bench:holds\``);
  lines.push(`- Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM; Node ${process.version}`);
  lines.push(`- The standalone server in its own process (embedded log, fsync group commit); autocannon in the bench process, ${CONNECTIONS} connections, ${SECONDS} s per phase after a 1 s warm-up. Each hold is \`POST /api/bookings\` of one new seat (every one a 201). Both share the machine's 2 cores.`);
  lines.push('');
  lines.push('| Seat locks | bare GET /health/live req/s | holds/s | holds ÷ bare | hold p50 | hold p99 | bare p99 | non-2xx holds | Targets (≥ 25%, p99 ≤ 50 ms) |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const { locks, bare, holds } of legs) {
    const ratio = holds.requests.average / bare.requests.average;
    const met = `${ratio >= 0.25 ? 'ratio met' : 'ratio missed'}, ${holds.latency.p99 <= 50 ? 'p99 met' : 'p99 missed'}`;
    lines.push(
      `| ${locks} | ${fmt(bare.requests.average)} | ${fmt(holds.requests.average)} | ${fmt(ratio * 100, 1)}% | ${holds.latency.p50} ms | ${holds.latency.p99} ms | ${bare.latency.p99} ms | ${holds.non2xx + holds.errors} | ${met} |`,
    );
  }
  lines.push('');
  lines.push(`Flash sale (in-process locks): ${fmt(sale.buyers)} concurrent buyers for a ${fmt(sale.seats)}-seat section; each holds a random seat not yet known taken, pays with 4242…, and tries another seat on 409.`);
  lines.push('');
  lines.push('| Time to sell out (hold + pay) | Confirmed bookings | Hold attempts | 409 refusals | Errors | Seats sold in the log | Oversold seats |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|');
  lines.push(`| ${fmt(sale.sellOutSeconds, 2)} s | ${fmt(sale.confirmed)} | ${fmt(sale.holdAttempts)} | ${fmt(sale.refusals)} | ${sale.errors} | ${fmt(sale.soldInLog)} | **${sale.oversold}** |`);
  lines.push('');
  const section = lines.join('\n');
  process.stdout.write(`${section}\n`);

  const resultsPath = join(ROOT, 'bench', 'RESULTS.md');
  const current = readFileSync(resultsPath, 'utf8');
  const start = current.indexOf('## bench:holds');
  let updated: string;
  if (start === -1) updated = `${current.trimEnd()}\n\n${section}`;
  else {
    const end = current.indexOf('\n## ', start + 1);
    updated = current.slice(0, start) + section + (end === -1 ? '' : `\n${current.slice(end + 1)}`);
  }
  writeFileSync(resultsPath, updated.endsWith('\n') ? updated : `${updated}\n`);
  if (sale.oversold !== 0) process.exitCode = 1;
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
