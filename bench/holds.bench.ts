/**
 * bench:holds — seat holds against the standalone server, reported against a bare GET route on
 * the same server in the same run, and written to bench/RESULTS.md (section "bench:holds").
 *   npm run bench:holds        (builds with swc, then: node dist/bench/holds.bench.js)
 * The server runs as its own process (`dist/apps/standalone/src/main.js`, as `npm start` runs
 * it). The load comes from wrk (C, HdrHistogram latencies; `apt-get install wrk`), a third
 * process that takes far less CPU than a JavaScript load generator would on the same 2 cores.
 * Legs: in-process seat locks, then Redlock on the local Redis; then a flash sale.
 * Set HOLDS_BENCH_SECONDS to change the length of each measured phase (default 10), and
 * HOLDS_BENCH_FLASH_ONLY=1 to run only the flash sale (printed, RESULTS.md left alone).
 */
import { Logger } from '@nestjs/common';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServer } from 'node:net';
import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import { createTokenService } from '@tessera/platform/security/token-service';

const ROOT = resolve(__dirname, '..', '..');
const SECONDS = Number(process.env.HOLDS_BENCH_SECONDS ?? 10);
const CONNECTIONS = 64;
const WRK_THREADS = 2;
const JWT_SECRET = 'bench-holds-secret-of-at-least-32-characters';
const REDIS_URL = 'redis://127.0.0.1:6379';
/** A realistic arena: 100 sections of 10 rows of 100 seats (100,000 seats). */
const SECTIONS = 100;
const ROWS = 10;
const SEATS_PER_ROW = 100;

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
  /** User + system CPU time of the server process so far, in ms (Linux /proc). */
  cpuMs(): number;
  stop(): Promise<void>;
}

const CLOCK_TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

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
    cpuMs: () => {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
    },
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

const createShow = async (url: string, sections: { id: string; rows: number; seatsPerRow: number }[]): Promise<string> => {
  const admin = await tokenFor('bench-admin', ['admin']);
  const created = await post(`${url}/api/shows`, admin, {
    name: 'Bench',
    venue: 'Arena',
    startsAt: '2030-05-01T19:30:00Z',
    currency: 'EUR',
    holdMinutes: 10,
    maxSeatsPerBooking: 4,
    categories: [{ id: 'std', name: 'Standard', price: 4500 }],
    sections: sections.map(({ id, rows, seatsPerRow }) => ({
      id,
      name: id,
      categoryId: 'std',
      rows: Array.from({ length: rows }, (_, i) => ({ label: String(i + 1), seats: seatsPerRow })),
    })),
  });
  if (created.status !== 201) throw new Error(`create show: ${JSON.stringify(created.body)}`);
  const showId = created.body.showId as string;
  const published = await post(`${url}/api/shows/${showId}/publish`, admin);
  if (published.status !== 200) throw new Error(`publish: ${JSON.stringify(published.body)}`);
  return showId;
};

// ---- wrk -------------------------------------------------------------------------------------

interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Answers that were not 2xx/3xx, and socket errors (connect, read, write, timeout). */
  non2xx: number;
  socketErrors: number;
  /** Server CPU (user + system, all threads) per request, in ms. */
  serverCpuMsPerRequest: number;
}

/**
 * The Lua side of wrk: each request of the hold phase holds the next seat of the arena, every
 * thread taking its own stripe (wrk gives each thread its own Lua state); `done` prints JSON.
 */
const WRK_SCRIPT = String.raw`
local threads = {}
local nextThread = 0
function setup(thread)
  thread:set("threadId", nextThread)
  nextThread = nextThread + 1
  table.insert(threads, thread)
end
function init(args)
  mode = args[1]; token = args[2]; show = args[3]; firstSeat = tonumber(args[4]); pauseMs = tonumber(args[5]); threadCount = tonumber(args[6]); n = 0
  math.randomseed(os.time() + threadId)
end
-- Think time drawn from an exponential distribution: arrivals spread like independent users'
-- (a fixed pause would keep the connections in step and send their requests in bursts).
function delay()
  if pauseMs == 0 then return 0 end
  return -pauseMs * math.log(1 - math.random())
end
request = function()
  if mode == "bare" then return wrk.format("GET", "/health/live") end
  local k = firstSeat + n * threadCount + threadId
  n = n + 1
  local section = math.floor(k / ${ROWS * SEATS_PER_ROW}) + 1
  local row = math.floor((k % ${ROWS * SEATS_PER_ROW}) / ${SEATS_PER_ROW}) + 1
  local seat = k % ${SEATS_PER_ROW} + 1
  local body = '{"showId":"' .. show .. '","seats":["S' .. section .. '-' .. row .. '-' .. seat .. '"]}'
  return wrk.format("POST", "/api/bookings", { ["authorization"] = "Bearer " .. token, ["content-type"] = "application/json" }, body)
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK_RESULT {"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"non2xx":%d,"socketErrors":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
`;

let wrkScriptPath: string | undefined;

const runWrk = async (server: Server, seconds: number, args: string[]): Promise<LoadResult> => {
  if (!wrkScriptPath) {
    wrkScriptPath = join(await mkdtemp(join(tmpdir(), 'tessera-bench-wrk-')), 'holds.lua');
    await writeFile(wrkScriptPath, WRK_SCRIPT);
  }
  const cpuBefore = server.cpuMs();
  const wrk = spawn('wrk', ['-t', String(WRK_THREADS), '-c', String(CONNECTIONS), '-d', `${seconds}s`, '-s', wrkScriptPath, server.url, '--', ...args, String(WRK_THREADS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  wrk.stdout.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((done) => wrk.once('close', done));
  const cpu = server.cpuMs() - cpuBefore;
  const line = output.split('\n').find((l) => l.startsWith('WRK_RESULT '));
  if (code !== 0 || !line) throw new Error(`wrk failed (exit ${code}): ${output}`);
  const r = JSON.parse(line.slice('WRK_RESULT '.length)) as { requests: number; durationUs: number; p50Us: number; p99Us: number; non2xx: number; socketErrors: number };
  return {
    requests: r.requests,
    seconds: r.durationUs / 1e6,
    perSecond: r.requests / (r.durationUs / 1e6),
    p50: r.p50Us / 1000,
    p99: r.p99Us / 1000,
    non2xx: r.non2xx,
    socketErrors: r.socketErrors,
    serverCpuMsPerRequest: cpu / r.requests,
  };
};

/** Cumulative bucket counts of the projector's append-to-visible histogram, from /metrics. */
const lagBuckets = async (server: Server): Promise<Map<number, number>> => {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const buckets = new Map<number, number>();
  for (const match of text.matchAll(/^tessera_projection_lag_seconds_bucket\{[^}]*le="([^"]+)"[^}]*\} (\d+)/gm)) {
    const le = match[1] === '+Inf' ? Infinity : Number(match[1]);
    buckets.set(le, (buckets.get(le) ?? 0) + Number(match[2]));
  }
  return buckets;
};

/** A quantile of the events observed between two scrapes, interpolated as PromQL's histogram_quantile does. */
const lagQuantile = (before: Map<number, number>, after: Map<number, number>, q: number): { seconds: number; events: number } => {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const counts = bounds.map((le) => (after.get(le) ?? 0) - (before.get(le) ?? 0));
  const total = counts[counts.length - 1] ?? 0;
  if (total === 0) return { seconds: NaN, events: 0 };
  const rank = q * total;
  for (let i = 0; i < bounds.length; i++) {
    if (counts[i] < rank) continue;
    if (bounds[i] === Infinity) return { seconds: bounds[i - 1] ?? NaN, events: total };
    const lower = i === 0 ? 0 : bounds[i - 1];
    const below = i === 0 ? 0 : counts[i - 1];
    return { seconds: lower + ((bounds[i] - lower) * (rank - below)) / (counts[i] - below), events: total };
  }
  return { seconds: NaN, events: total };
};

/** Lets the work a saturated phase left behind (projection, sweeps) finish before the next phase. */
const settle = (): Promise<void> => new Promise((done) => setTimeout(done, 2000));

const requireWrk = (): void => {
  const probe = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    console.error('bench:holds needs wrk on the PATH (Debian/Ubuntu: apt-get install wrk; macOS: brew install wrk).');
    process.exit(2);
  }
};

interface Leg {
  locks: string;
  bare: LoadResult;
  holds: LoadResult;
  /** Holds over the same connections, paced to about half of `holds.perSecond`. */
  paced: LoadResult;
  pauseMs: number;
  /** Projection lag (append to visible) of the events of the saturated hold phase. */
  lag: { p50: { seconds: number; events: number }; p99: { seconds: number; events: number } };
}

const measureLeg = async (locks: string, env: Record<string, string>): Promise<Leg> => {
  const server = await startServer(env);
  try {
    const showId = await createShow(
      server.url,
      Array.from({ length: SECTIONS }, (_, i) => ({ id: `S${i + 1}`, rows: ROWS, seatsPerRow: SEATS_PER_ROW })),
    );
    const token = await tokenFor('bench-buyer');
    // Warm-up (JIT, connections, the first appends) on the seats of the last sections, which
    // the measured phase does not reach.
    const warmUpSeats = (SECTIONS - 10) * ROWS * SEATS_PER_ROW;
    await runWrk(server, 2, ['holds', token, showId, String(warmUpSeats), '0']);
    await settle();
    await runWrk(server, 2, ['bare', '-', '-', '0', '0']);
    const bare = await runWrk(server, SECONDS, ['bare', '-', '-', '0', '0']);
    const lagBefore = await lagBuckets(server);
    const holds = await runWrk(server, SECONDS, ['holds', token, showId, '0', '0']);
    await new Promise((done) => setTimeout(done, 500)); // the last events of the phase reach the read models
    const lagAfter = await lagBuckets(server);
    const lag = { p50: lagQuantile(lagBefore, lagAfter, 0.5), p99: lagQuantile(lagBefore, lagAfter, 0.99) };
    // The same 64 connections, each pausing between its requests so that together they offer
    // half the rate the server just sustained: latency below saturation, where it is not queueing.
    const pauseMs = Math.round((CONNECTIONS * 1000) / Math.max(1, holds.perSecond / 2));
    await settle();
    const pacedSeats = warmUpSeats / 2;
    const paced = await runWrk(server, SECONDS, ['holds', token, showId, String(pacedSeats), String(pauseMs)]);
    // Each wrk thread takes every other seat of its phase's range, and one may run ahead of the other.
    if (holds.requests > pacedSeats * 0.8 || paced.requests > pacedSeats * 0.8) throw new Error('the hold phases ran out of seats: lower HOLDS_BENCH_SECONDS');
    return { locks, bare, holds, paced, pauseMs, lag };
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
  /** What the errors were: "hold 429 RATE_LIMITED" → count. */
  errorStatuses: Record<string, number>;
  soldInLog: number;
  oversold: number;
}

/** 2,000 buyers at once for a 1,000-seat section: hold a random seat not known taken, pay, repeat on 409. */
const flashSale = async (env: Record<string, string>): Promise<FlashSale> => {
  const server = await startServer(env);
  const BUYERS = 2000;
  const SEATS = 1000;
  try {
    const showId = await createShow(server.url, [{ id: 'A', rows: 1, seatsPerRow: SEATS }]);
    const all = Array.from({ length: SEATS }, (_, i) => `A-1-${i + 1}`);
    const taken = new Set<string>();
    const buyers = await Promise.all(Array.from({ length: BUYERS }, (_, i) => tokenFor(`fan-${i}`)));
    let confirmed = 0;
    let holdAttempts = 0;
    let refusals = 0;
    let errors = 0;
    let soldOutAt = 0;
    const errorStatuses = new Map<string, number>();
    const started = performance.now();
    const buy = async (token: string): Promise<void> => {
      while (taken.size < SEATS) {
        const free = all.filter((seat) => !taken.has(seat));
        const seat = free[Math.floor(Math.random() * free.length)];
        holdAttempts++;
        const held = await post(`${server.url}/api/bookings`, token, { showId, seats: [seat] }).catch((error: unknown) => ({
          status: 0,
          body: { code: String((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message) } as Record<string, unknown>,
        }));
        if (held.status === 409) {
          refusals++;
          for (const s of (held.body.seats as string[] | undefined) ?? [seat]) taken.add(s);
          continue;
        }
        if (held.status !== 201) {
          errors++;
          const key = `hold ${held.status} ${String(held.body.code ?? '')}`;
          errorStatuses.set(key, (errorStatuses.get(key) ?? 0) + 1);
          continue;
        }
        taken.add(seat);
        const paid = await post(`${server.url}/api/bookings/${held.body.bookingId as string}/payment`, token, {
          card: { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' },
        });
        if (paid.status === 200) {
          confirmed++;
          if (confirmed === SEATS) soldOutAt = performance.now();
        } else {
          errors++;
          const key = `payment ${paid.status} ${String(paid.body.code ?? '')}`;
          errorStatuses.set(key, (errorStatuses.get(key) ?? 0) + 1);
        }
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
    return { buyers: BUYERS, seats: SEATS, sellOutSeconds, confirmed, holdAttempts, refusals, errors, errorStatuses: Object.fromEntries(errorStatuses), soldInLog, oversold };
  } finally {
    if (server.child.exitCode === null) await server.stop();
    await rm(server.dataDir, { recursive: true, force: true });
  }
};

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const main = async () => {
  requireWrk();
  if (process.env.HOLDS_BENCH_FLASH_ONLY) {
    console.log(await flashSale({}));
    return;
  }
  const legs = [await measureLeg('in-process', {}), await measureLeg('Redlock (1 local Redis)', { REDIS_URLS: REDIS_URL })];
  const sale = await flashSale({});
  const ms = (n: number) => `${fmt(n, n < 10 ? 1 : 0)} ms`;
  const lines: string[] = [];
  lines.push('## bench:holds');
  lines.push('');
  lines.push(`- Date: ${new Date().toISOString().slice(0, 10)}; command: \`npm run bench:holds\` (swc build, then \`node dist/bench/holds.bench.js\`)`);
  lines.push(`- Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM; Node ${process.version}; load average when the run ended: ${loadavg().map((n) => n.toFixed(2)).join(', ')} (the machine is shared: compare the ratios, not the absolute figures)`);
  lines.push(`- The standalone server (\`npm start\`: all four apps in one process, embedded log with fsync group commit, embedded read store) in its own process; the load from wrk, ${WRK_THREADS} threads, ${CONNECTIONS} connections, ${SECONDS} s per phase after a 2 s warm-up, all three on the same ${cpus().length} cores. Each hold is \`POST /api/bookings\` of one new seat of a ${fmt(SECTIONS * ROWS * SEATS_PER_ROW)}-seat show (${SECTIONS} sections of ${ROWS} rows of ${SEATS_PER_ROW}), every one answered 201; the bare route is \`GET /health/live\` through the same middleware, guards and interceptors.`);
  lines.push('- Server CPU per request is the server process\'s user + system time (all its threads: fsync, GC) over the phase, divided by the requests answered: it moves far less with other work on the machine than the rates do.');
  lines.push('');
  lines.push('| Seat locks | bare req/s | bare p99 | bare CPU/req | holds/s | hold p50 | hold p99 | hold CPU/req | holds ÷ bare | non-2xx holds | Targets (≥ 25%, p99 ≤ 50 ms) |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const { locks, bare, holds } of legs) {
    const ratio = holds.perSecond / bare.perSecond;
    const met = `${ratio >= 0.25 ? 'ratio met' : 'ratio MISSED'}, ${holds.p99 <= 50 ? 'p99 met' : 'p99 MISSED'}`;
    lines.push(
      `| ${locks} | ${fmt(bare.perSecond)} | ${ms(bare.p99)} | ${fmt(bare.serverCpuMsPerRequest, 3)} ms | ${fmt(holds.perSecond)} | ${ms(holds.p50)} | ${ms(holds.p99)} | ${fmt(holds.serverCpuMsPerRequest, 3)} ms | ${fmt(ratio * 100, 1)}% | ${holds.non2xx + holds.socketErrors} | ${met} |`,
    );
  }
  lines.push('');
  lines.push(`Below saturation: the same ${CONNECTIONS} connections, each pausing between its holds for a random think time (exponential, mean in the table) so that together they offer about half the rate measured above (a connection pauses after each answer, so a slower answer lowers the rate a little).`);
  lines.push('');
  lines.push('| Seat locks | mean pause per connection | holds/s achieved | hold p50 | hold p99 | non-2xx holds |');
  lines.push('|---|---:|---:|---:|---:|---:|');
  for (const { locks, paced, pauseMs } of legs) {
    lines.push(`| ${locks} | ${pauseMs} ms | ${fmt(paced.perSecond)} | ${ms(paced.p50)} | ${ms(paced.p99)} | ${paced.non2xx + paced.socketErrors} |`);
  }
  lines.push('');
  lines.push('Projection lag while the saturated hold phase runs, from the projector\'s own histogram (`tessera_projection_lag_seconds` on /metrics: from the event\'s `recordedAt`, taken when the log writes it, to the projector\'s batch being applied; quantiles interpolated within buckets as `histogram_quantile` does). Target p99 ≤ 100 ms (bench:projections).');
  lines.push('');
  lines.push('| Seat locks | events projected | lag p50 | lag p99 | Target (p99 ≤ 100 ms) |');
  lines.push('|---|---:|---:|---:|---|');
  for (const { locks, lag } of legs) {
    lines.push(`| ${locks} | ${fmt(lag.p99.events)} | ${ms(lag.p50.seconds * 1000)} | ${ms(lag.p99.seconds * 1000)} | ${lag.p99.seconds <= 0.1 ? 'met' : 'MISSED'} |`);
  }
  lines.push('');
  const [first] = legs;
  lines.push(
    `Reading the figures: every phase saturates the server (${CONNECTIONS} requests always in flight), so a request's latency is mostly its wait in line: by Little's law ${CONNECTIONS} ÷ ${fmt(first.holds.perSecond)} holds/s = ${ms((CONNECTIONS / first.holds.perSecond) * 1000)} on average (measured p50: ${ms(first.holds.p50)}). A hold costs the server ${fmt(first.holds.serverCpuMsPerRequest / first.bare.serverCpuMsPerRequest, 1)}× the CPU of the bare route: the HTTP request, plus validation, seat locks, stream reads, the decision, one fenced atomic append, and the work every hold causes behind it in the same process (the projector's four read models, the expiry sweeper's schedule, the show-cancellation index).`,
  );
  lines.push('');
  lines.push(`Flash sale (in-process locks): ${fmt(sale.buyers)} concurrent buyers for a ${fmt(sale.seats)}-seat section; each holds a random seat not yet known taken, pays with 4242…, and tries another seat on 409.`);
  lines.push('');
  lines.push('| Time to sell out (hold + pay) | Confirmed bookings | Hold attempts | 409 refusals | Errors | Seats sold in the log | Oversold seats |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|');
  lines.push(`| ${fmt(sale.sellOutSeconds, 2)} s | ${fmt(sale.confirmed)} | ${fmt(sale.holdAttempts)} | ${fmt(sale.refusals)} | ${sale.errors} | ${fmt(sale.soldInLog)} | **${sale.oversold}** |`);
  if (sale.errors > 0) {
    lines.push('');
    lines.push(`Errors by answer: ${Object.entries(sale.errorStatuses).map(([what, count]) => `${what}: ${count}`).join('; ')}.`);
  }
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
