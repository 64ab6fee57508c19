/**
 * bench:memory — what the standalone server keeps in memory as bookings accumulate, against what a
 * freshly started process needs for the same data, written to bench/RESULTS.md ("bench:memory").
 *   npm run bench:memory        (builds with swc, then: node dist/bench/memory.bench.js)
 * One live server (`dist/apps/standalone/src/main.js`, as `npm start` runs it, default log level)
 * takes real bookings: each is a hold (`POST /api/bookings`, one seat) and its payment
 * (`POST /api/bookings/{id}/payment`), both with an Idempotency-Key, from 1,000 buyers over
 * 10,000-seat shows. At each checkpoint (10k, 50k, 100k bookings) the load pauses: RSS is read
 * from /proc, then sampled for 30 s of idle, then the heap is read after a full collection
 * (bench/support/memory-probe.ts, preloaded with --expose-gc; it runs only when signalled).
 * The data folder is copied at 10k and 50k while the server idles (every append is durable by
 * then), and at the end the live server is stopped; a fresh server is then started on each copy and
 * on the folder itself and measured the same way once it has caught up.
 * Environment:
 *   MEMORY_BENCH_CHECKPOINTS  bookings at each checkpoint, comma-separated (default 10000,50000,100000)
 *   MEMORY_BENCH_SERVER_ROOT  a checkout whose dist/ holds the server to measure (default this one),
 *                             to measure another commit with this bench
 *   MEMORY_BENCH_LABEL        the section's label in RESULTS.md (default "bench:memory")
 *   MEMORY_BENCH_IDLE_SECONDS idle time at each checkpoint (default 30)
 *   MEMORY_BENCH_NODE_FLAGS   extra node flags for the server; MEMORY_BENCH_SERVER_ENV extra environment
 *                             for it, `NAME=value` pairs separated by spaces (experiments)
 *   MEMORY_BENCH_NO_WRITE=1   print the section without writing RESULTS.md
 *   MEMORY_BENCH_HEAP_SNAPSHOTS  a folder: each heap reading also writes a heap snapshot there (diagnosis;
 *                             `node dist/bench/support/heap-owners.js <file>` says which stores hold what)
 *   MEMORY_BENCH_KEEP=1       keep the data folders and server logs (their path is printed)
 */
import { Logger } from '@nestjs/common';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createTokenService } from '@tessera/platform/security/token-service';
import { arena, createBenchShow } from './support/bench-show';
import { heapProbe, type HeapReport } from './support/heap-probe';
import { cpuMillisecondsOf, freePort, rssBytesOf } from './support/process-stats';
import { NPM_START_ENV } from './support/standalone-server';
import { writeResultsSection } from './support/results-file';

const ROOT = resolve(__dirname, '..', '..');
const SERVER_ROOT = resolve(process.env.MEMORY_BENCH_SERVER_ROOT ?? ROOT);
const CHECKPOINTS = (process.env.MEMORY_BENCH_CHECKPOINTS ?? '10000,50000,100000').split(',').map(Number);
const LABEL = process.env.MEMORY_BENCH_LABEL ?? 'bench:memory';
const IDLE_SECONDS = Number(process.env.MEMORY_BENCH_IDLE_SECONDS ?? 30);
const IDLE_SAMPLE_MS = 5000;
const CONCURRENCY = 32;
const BUYERS = 1000;
/** Each show: 10 sections of 10 rows of 100 seats. */
const SECTIONS_PER_SHOW = 10;
const ROWS = 10;
const SEATS_PER_ROW = 100;
const SEATS_PER_SHOW = SECTIONS_PER_SHOW * ROWS * SEATS_PER_ROW;
const JWT_SECRET = 'bench-memory-secret-of-at-least-32-characters';
const PROBE = join(ROOT, 'dist/bench/support/memory-probe.js');
const MiB = 2 ** 20;
/** Extra node flags for the server (experiments). */
const NODE_FLAGS = (process.env.MEMORY_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
/** Extra environment for the server, `NAME=value` pairs separated by spaces (experiments: HEAP_GROWTH_PERCENT=25); it may override what `npm start` sets. */
const SERVER_ENV = Object.fromEntries(
  (process.env.MEMORY_BENCH_SERVER_ENV ?? '')
    .split(' ')
    .filter(Boolean)
    .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
);

const tokens = createTokenService({ secret: JWT_SECRET, production: false, logger: new Logger('bench') });

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

// ---- the server ---------------------------------------------------------------------------------

interface Server {
  port: number;
  child: ChildProcess;
  logPath: string;
  rss(): number;
  /** User + system CPU time of the server process so far, in ms (Linux /proc). */
  cpuMs(): number;
  heap(): Promise<HeapReport>;
  stop(): Promise<void>;
}

const startServer = async (dataDir: string, logPath: string): Promise<Server> => {
  const port = await freePort();
  const probeFile = join(dataDir, '..', `${basename(dataDir)}-${port}.probe.json`);
  const out = openSync(logPath, 'a');
  const child = spawn(process.execPath, [...NODE_FLAGS, '--expose-gc', '-r', PROBE, join(SERVER_ROOT, 'dist/apps/standalone/src/main.js')], {
    cwd: SERVER_ROOT,
    env: { PATH: process.env.PATH ?? '', ...NPM_START_ENV, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, JWT_SECRET, NODE_ENV: 'development', MEMORY_PROBE_FILE: probeFile, ...SERVER_ENV, ...(process.env.MEMORY_BENCH_HEAP_SNAPSHOTS ? { MEMORY_PROBE_SNAPSHOT_DIR: process.env.MEMORY_BENCH_HEAP_SNAPSHOTS } : {}) },
    stdio: ['ignore', out, 'inherit'],
  });
  closeSync(out);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // Ready once /health answers 200: the log is open and the read models have caught up.
  for (let i = 0; ; i++) {
    const status = await get(port, '/health').catch(() => 0);
    if (status === 200) break;
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before it was ready`);
    if (i > 6000) throw new Error('the server was not ready within 10 minutes');
    await sleep(100);
  }
  return {
    port,
    child,
    logPath,
    rss: () => rssBytesOf(child.pid),
    cpuMs: () => cpuMillisecondsOf(child.pid),
    // A heap snapshot of a few hundred MB takes minutes to write on a busy machine.
    heap: heapProbe(child, probeFile, process.env.MEMORY_BENCH_HEAP_SNAPSHOTS ? 600_000 : 30_000),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
};

// ---- HTTP ---------------------------------------------------------------------------------------

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY + 4 });

const call = (port: number, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> =>
  new Promise((done, fail) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      { host: '127.0.0.1', port, method, path, agent, headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: Record<string, unknown> = {};
          try {
            parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
          } catch {
            parsed = { text };
          }
          done({ status: res.statusCode ?? 0, body: parsed });
        });
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(payload);
  });

const get = async (port: number, path: string): Promise<number> => (await call(port, 'GET', path, {})).status;

/** Access tokens, minted again before they could expire during a long run. */
class Tokens {
  private readonly minted = new Map<string, { token: string; at: number }>();
  async for(userId: string, roles: ('user' | 'admin')[] = ['user']): Promise<string> {
    const known = this.minted.get(userId);
    if (known && performance.now() - known.at < 4 * 60_000) return known.token;
    const token = (await tokens.issueAccessToken({ userId, roles })).accessToken;
    this.minted.set(userId, { token, at: performance.now() });
    return token;
  }
}

const createShow = (port: number, admin: string, n: number): Promise<string> =>
  createBenchShow(`http://127.0.0.1:${port}`, admin, arena(SECTIONS_PER_SHOW, ROWS, SEATS_PER_ROW), `Bench ${n}`);

const seatOf = (k: number): string => {
  const inShow = k % SEATS_PER_SHOW;
  return `S${Math.floor(inShow / (ROWS * SEATS_PER_ROW)) + 1}-${Math.floor((inShow % (ROWS * SEATS_PER_ROW)) / SEATS_PER_ROW) + 1}-${(inShow % SEATS_PER_ROW) + 1}`;
};

interface Driven {
  seconds: number;
  requests: number;
  errors: Map<string, number>;
}

/** Books seats `from` … `to - 1` (booking k takes seat k), hold then pay, from CONCURRENCY loops. */
const book = async (server: Server, shows: string[], minted: Tokens, from: number, to: number): Promise<Driven> => {
  let next = from;
  let requests = 0;
  const errors = new Map<string, number>();
  const failed = (what: string, status: number, body: Record<string, unknown>) => {
    const key = `${what} ${status} ${String(body.code ?? body.text ?? '')}`;
    errors.set(key, (errors.get(key) ?? 0) + 1);
    if ([...errors.values()].reduce((a, b) => a + b, 0) > 100) throw new Error(`too many failed requests: ${JSON.stringify(Object.fromEntries(errors))}`);
  };
  const started = performance.now();
  const loop = async () => {
    while (next < to) {
      const k = next++;
      const token = await minted.for(`buyer-${k % BUYERS}`);
      const auth = { authorization: `Bearer ${token}` };
      const held = await call(server.port, 'POST', '/api/bookings', { ...auth, 'idempotency-key': `booking-${k}-hold` }, { showId: shows[Math.floor(k / SEATS_PER_SHOW)], seats: [seatOf(k)] });
      requests++;
      if (held.status !== 201) {
        failed('hold', held.status, held.body);
        continue;
      }
      const paid = await call(server.port, 'POST', `/api/bookings/${held.body.bookingId as string}/payment`, { ...auth, 'idempotency-key': `booking-${k}-pay` }, {
        card: { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' },
      });
      requests++;
      if (paid.status !== 200) failed('payment', paid.status, paid.body);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  return { seconds: (performance.now() - started) / 1000, requests, errors };
};

// ---- measuring ----------------------------------------------------------------------------------

interface Live {
  bookings: number;
  /** The highest RSS read (every second) while the bookings since the last checkpoint came in. */
  rssPeak: number;
  rssAtPause: number;
  /** RSS every IDLE_SAMPLE_MS while idle, the first at the pause. */
  idle: number[];
  heap: HeapReport;
  bookingsPerSecond: number;
  /** Server CPU (user + system, all threads) per booking since the last checkpoint. */
  cpuMsPerBooking: number;
  logBytesPerRequest: number;
}

interface Restarted {
  bookings: number;
  readyMs: number;
  rss: number;
  heap: HeapReport;
}

const idleSamples = async (server: Server): Promise<number[]> => {
  const samples = [server.rss()];
  for (let waited = 0; waited < IDLE_SECONDS * 1000; waited += IDLE_SAMPLE_MS) {
    await sleep(IDLE_SAMPLE_MS);
    samples.push(server.rss());
  }
  return samples;
};

/** The heap compactions an adaptive heap logged (observability/heap.ts), as "from 1,052 to 431 MiB in 612 ms". */
const quietCompactions = (log: string): string[] =>
  [...log.matchAll(/quiet: compacted the heap from (\d+) to (\d+) MiB in (\d+) ms/g)].map(([, from, to, ms]) => `${fmt(Number(from))} → ${fmt(Number(to))} MiB in ${fmt(Number(ms))} ms`);

const fmtMiB = (bytes: number) => `${(bytes / MiB).toLocaleString('en-US', { maximumFractionDigits: 0 })} MiB`;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
/** Idle is flat when RSS ends within 2% (or 8 MiB) of where it was at the pause. */
const flatness = (samples: number[]): string => {
  const growth = samples[samples.length - 1] - samples[0];
  const flat = growth <= Math.max(8 * MiB, samples[0] * 0.02);
  return `${flat ? 'flat' : 'ROSE'} (${growth >= 0 ? '+' : '−'}${fmtMiB(Math.abs(growth))})`;
};

const main = async () => {
  const work = await mkdtemp(join(tmpdir(), 'tessera-bench-memory-'));
  const dataDir = join(work, 'data');
  const logPath = join(work, 'server-live.log');
  const lives: Live[] = [];
  const copies = new Map<number, string>();
  const minted = new Tokens();
  let failed = false;
  let live: Server | undefined = await startServer(dataDir, logPath);
  try {
    const admin = await minted.for('bench-admin', ['admin']);
    const shows: string[] = [];
    for (let n = 0; n < Math.ceil(CHECKPOINTS[CHECKPOINTS.length - 1] / SEATS_PER_SHOW); n++) shows.push(await createShow(live.port, admin, n + 1));
    let booked = 0;
    for (const checkpoint of CHECKPOINTS) {
      const logBefore = statSync(logPath).size;
      const cpuBefore = live.cpuMs();
      let rssPeak = live.rss();
      const server = live;
      const peakSampler = setInterval(() => (rssPeak = Math.max(rssPeak, server.rss())), 1000);
      const driven = await book(live, shows, minted, booked, checkpoint).finally(() => clearInterval(peakSampler));
      const cpuMsPerBooking = (live.cpuMs() - cpuBefore) / (checkpoint - booked);
      booked = checkpoint;
      if (driven.errors.size > 0) console.error(`failed requests up to ${checkpoint}: ${JSON.stringify(Object.fromEntries(driven.errors))}`);
      const logBytesPerRequest = (statSync(logPath).size - logBefore) / Math.max(1, driven.requests);
      const idle = await idleSamples(live);
      const heap = await live.heap();
      rssPeak = Math.max(rssPeak, idle[0]);
      lives.push({ bookings: checkpoint, rssPeak, rssAtPause: idle[0], idle, heap, bookingsPerSecond: (checkpoint - (lives.at(-1)?.bookings ?? 0)) / driven.seconds, cpuMsPerBooking, logBytesPerRequest });
      console.error(`live at ${checkpoint}: rss ${fmtMiB(idle[0])} → ${fmtMiB(idle[idle.length - 1])} idle; heap used after GC ${fmtMiB(heap.memory.heapUsed)}; ${fmt(logBytesPerRequest)} log bytes per request`);
      if (checkpoint !== CHECKPOINTS[CHECKPOINTS.length - 1]) {
        const copy = join(work, `data-${checkpoint}`);
        await cp(dataDir, copy, { recursive: true, filter: (source) => basename(source) !== 'LOCK' });
        copies.set(checkpoint, copy);
      }
    }
    await live.stop();
    live = undefined;
    const compactions = quietCompactions(readFileSync(logPath, 'utf8'));
    copies.set(CHECKPOINTS[CHECKPOINTS.length - 1], dataDir);

    const restarts: Restarted[] = [];
    for (const checkpoint of CHECKPOINTS) {
      const started = performance.now();
      const server = await startServer(copies.get(checkpoint) as string, join(work, `server-restart-${checkpoint}.log`));
      const readyMs = performance.now() - started;
      try {
        // As long as the live server idled before its reading.
        const idle = await idleSamples(server);
        const heap = await server.heap();
        restarts.push({ bookings: checkpoint, readyMs, rss: idle[idle.length - 1], heap });
        console.error(`restarted at ${checkpoint}: rss ${fmtMiB(idle[idle.length - 1])}; heap used after GC ${fmtMiB(heap.memory.heapUsed)}`);
      } finally {
        await server.stop();
      }
    }
    report(lives, restarts, compactions);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    if (live) await live.stop();
    agent.destroy();
    if (!failed && !process.env.MEMORY_BENCH_KEEP) await rm(work, { recursive: true, force: true });
    else console.error(`kept ${work}`);
  }
};

const report = (lives: Live[], restarts: Restarted[], compactions: string[]) => {
  const lines: string[] = [];
  const cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model.trim();
  lines.push(`## ${LABEL}`);
  lines.push('');
  lines.push(`- Date: ${new Date().toISOString()}; command: \`npm run bench:memory\` (swc build, then \`node dist/bench/memory.bench.js\`)${SERVER_ROOT !== ROOT ? ` with \`MEMORY_BENCH_SERVER_ROOT=${SERVER_ROOT}\`` : ''}${process.env.MEMORY_BENCH_SERVER_ENV ? ` with \`MEMORY_BENCH_SERVER_ENV=${process.env.MEMORY_BENCH_SERVER_ENV}\`` : ''}${NODE_FLAGS.length > 0 ? ` with \`MEMORY_BENCH_NODE_FLAGS=${NODE_FLAGS.join(' ')}\`` : ''}`);
  lines.push(`- Machine: ${cpus().length} × ${cpuModel}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM; Node ${process.version}; load average when the run ended: ${loadavg().map((n) => n.toFixed(2)).join(', ')} (shared with other work: memory moves less with it than time does)`);
  lines.push(`- The standalone server (\`npm start\`: all apps in one process, embedded log and read store, default log level \`info\`, access log to a file) takes bookings from ${CONCURRENCY} keep-alive connections in the bench process: each booking is a hold of one seat and its payment, both with an Idempotency-Key, by ${fmt(BUYERS)} buyers over ${fmt(SEATS_PER_SHOW)}-seat shows. At each checkpoint the load pauses; RSS is read from /proc at the pause and every ${IDLE_SAMPLE_MS / 1000} s of a ${IDLE_SECONDS} s idle, then the heap after a full collection (a preloaded probe, \`bench/support/memory-probe.ts\`, run only when signalled). The data folder is copied while the server idles; a fresh server is then started on it and read the same way (RSS at the end of the same idle), once \`/health\` answers 200 (log open, read models caught up).`);
  lines.push('');
  lines.push('| Bookings | live RSS peak under load | live RSS at pause | live RSS after idle | idle | live heap used / committed | restarted RSS | restarted heap used / committed | RSS live ÷ restarted | heap live ÷ restarted | live RSS per booking | bookings/s | server CPU per booking | log bytes per request |');
  lines.push('|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const lived of lives) {
    const restarted = restarts.find((r) => r.bookings === lived.bookings);
    const afterIdle = lived.idle[lived.idle.length - 1];
    lines.push(
      `| ${fmt(lived.bookings)} | ${fmtMiB(lived.rssPeak)} | ${fmtMiB(lived.rssAtPause)} | ${fmtMiB(afterIdle)} | ${flatness(lived.idle)} | ${fmtMiB(lived.heap.memory.heapUsed)} / ${fmtMiB(lived.heap.memory.heapTotal)} | ${restarted ? fmtMiB(restarted.rss) : '—'} | ${restarted ? `${fmtMiB(restarted.heap.memory.heapUsed)} / ${fmtMiB(restarted.heap.memory.heapTotal)}` : '—'} | ${restarted ? `${fmt(afterIdle / restarted.rss, 2)}×` : '—'} | ${restarted ? `${fmt(lived.heap.memory.heapUsed / restarted.heap.memory.heapUsed, 2)}×` : '—'} | ${fmt(afterIdle / lived.bookings / 1024, 1)} KiB | ${fmt(lived.bookingsPerSecond)} | ${fmt(lived.cpuMsPerBooking, 2)} ms | ${fmt(lived.logBytesPerRequest)} |`,
    );
  }
  lines.push('');
  const last = lives[lives.length - 1];
  const lastRestart = restarts.find((r) => r.bookings === last.bookings);
  const lastIdle = last.idle[last.idle.length - 1];
  const targets = [
    `${fmt(last.bookings)} bookings in ${fmtMiB(lastIdle)} RSS (target ≤ 600 MB = ${fmtMiB(600e6)}: ${lastIdle <= 600e6 ? 'met' : 'MISSED'})`,
    `live ÷ restarted ${lastRestart ? fmt(lastIdle / lastRestart.rss, 2) : '?'}× (target ≤ 1.5×: ${lastRestart && lastIdle / lastRestart.rss <= 1.5 ? 'met' : 'MISSED'})`,
    `idle ${lives.every((l) => flatness(l.idle).startsWith('flat')) ? 'flat at every checkpoint' : 'NOT flat everywhere'}`,
  ];
  lines.push(`Targets: ${targets.join('; ')}. RSS samples while idle (MiB): ${lives.map((l) => `${fmt(l.bookings)}: ${l.idle.map((s) => fmt(s / MiB)).join(', ')}`).join('; ')}. Restarted servers were ready in ${restarts.map((r) => `${fmt(r.readyMs / 1000, 1)} s`).join(', ')}.`);
  lines.push('');
  lines.push(
    compactions.length > 0
      ? `The live server's quiet-time compactions (HEAP_MODE=adaptive, its log at info): ${compactions.join('; ')}.`
      : 'The live server logged no quiet-time compaction (HEAP_MODE is not adaptive, or the build predates it).',
  );
  lines.push('');
  lines.push(`Heap after a full collection, live at ${fmt(last.bookings)} (restarted): ${Object.entries(last.heap.spaces).filter(([, used]) => used > MiB).map(([space, used]) => `${space} ${fmtMiB(used)}${lastRestart ? ` (${fmtMiB(lastRestart.heap.spaces[space] ?? 0)})` : ''}`).join(', ')}; external ${fmtMiB(last.heap.memory.external)}${lastRestart ? ` (${fmtMiB(lastRestart.heap.memory.external)})` : ''}, array buffers ${fmtMiB(last.heap.memory.arrayBuffers)}${lastRestart ? ` (${fmtMiB(lastRestart.heap.memory.arrayBuffers)})` : ''}.`);
  lines.push('');
  const section = lines.join('\n');
  process.stdout.write(`${section}\n`);
  if (process.env.MEMORY_BENCH_NO_WRITE) return;
  writeResultsSection(join(ROOT, 'bench', 'RESULTS.md'), section);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
