import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuMillisecondsOf, freePort } from './process-stats';

/** A server a benchmark started as its own process, on a free port and a data folder of its own. */
export interface BenchServer {
  url: string;
  dataDir: string;
  child: ChildProcess;
  /** User + system CPU time of the server process so far, in ms (Linux /proc). */
  cpuMs(): number;
  /** SIGTERM; resolves once the process has exited (the data folder stays). */
  stop(): Promise<void>;
  /** Stops the server if it runs, then removes its data folder. */
  dispose(): Promise<void>;
}

export interface BenchServerOptions {
  /** The checkout whose build runs (`dist/…` under it). */
  root: string;
  /** The script under `root`; the standalone server, as `npm start` runs it, unless told. */
  script?: string;
  /** Environment besides PORT, HOST, DATA_DIR and the bench defaults below. */
  env?: Record<string, string>;
  /** Node flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** The route that answers 200 once the server is ready. */
  readyPath?: string;
  readyTimeoutMs?: number;
}

export const STANDALONE_SCRIPT = 'dist/apps/standalone/src/main.js';

/** What `npm start` sets for the server besides the operator's environment (package.json): glibc's malloc arenas capped at 2. */
export const NPM_START_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };

export const startBenchServer = async ({ root, script = STANDALONE_SCRIPT, env = {}, nodeArgs = [], readyPath = '/health/live', readyTimeoutMs = 60_000 }: BenchServerOptions): Promise<BenchServer> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'tessera-bench-'));
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, join(root, script)], {
    cwd: root,
    // Every request of a bench comes from one address: the per-IP limit is raised out of reach,
    // not turned off, so that the counter's cost stays in the figures.
    env: { PATH: process.env.PATH ?? '', ...NPM_START_ENV, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development', RATE_LIMIT_GLOBAL_PER_IP: '1000000000', ...env },
    // BENCH_SERVER_STDOUT=<file>: the server's stdout appended there (diagnosis: node's --trace-gc, the logs).
    stdio: ['ignore', process.env.BENCH_SERVER_STDOUT ? openSync(process.env.BENCH_SERVER_STDOUT, 'a') : 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  for (const until = Date.now() + readyTimeoutMs; ; ) {
    if (await fetch(`${url}${readyPath}`).then((res) => res.status === 200, () => false)) break;
    if (child.exitCode !== null) throw new Error(`${script} exited (${child.exitCode}) before it was ready`);
    if (Date.now() > until) throw new Error(`${script} was not ready within ${readyTimeoutMs / 1000} s`);
    await sleep(50);
  }
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return {
    url,
    dataDir,
    child,
    cpuMs: () => cpuMillisecondsOf(child.pid),
    stop,
    dispose: async () => {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
