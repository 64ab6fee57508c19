import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** Compile the apps with swc into dist/: `npm run build` itself, so the ignore list has one home (about a second). */
export const buildOnce = (() => {
  let built = false;
  return (): void => {
    if (built) return;
    const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
    built = true;
  };
})();

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export interface RunningProcess {
  child: ChildProcess;
  /** stdout and stderr as they came. */
  output: () => string;
  /** stderr alone. */
  errors: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Watches a spawned process: what it writes, and how it ends. */
export const watchProcess = (child: ChildProcess): RunningProcess => {
  let output = '';
  let errors = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => ((output += chunk), (errors += chunk)));
  // 'close', not 'exit': after 'exit' the child's stdout may still hold its last lines.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, errors: () => errors, exited };
};

/** `as` runs it as another user (uid and gid), which needs root. */
export const startNode = (script: string, env: Record<string, string>, as?: { uid: number; gid: number }): RunningProcess =>
  watchProcess(
    spawn(process.execPath, [join(ROOT, script)], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...as,
    }),
  );

export const waitFor = async (probe: () => Promise<boolean>, timeoutMs: number, intervalMs = 50): Promise<number> => {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await probe().catch(() => false)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`not ready within ${timeoutMs} ms`);
};

export interface StartedServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  process: RunningProcess;
}

/**
 * Starts the built standalone server (dist/, `buildOnce` first) on a free port of 127.0.0.1 and
 * waits until `readyPath` answers 200. A port taken between `freePort` and the server's listen
 * (another worker, an outgoing connection) is retried on a new one; a server that exits or is not
 * ready in time fails the start with everything it printed, so a CI log says why.
 */
export const startStandalone = async (
  env: Record<string, string>,
  { timeoutMs = 60_000, readyPath = '/health' }: { timeoutMs?: number; readyPath?: string } = {},
): Promise<StartedServer> => {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const server = startNode('dist/apps/standalone/src/main.js', { PORT: String(port), HOST: '127.0.0.1', ...env });
    let exited = false;
    void server.exited.then(() => (exited = true));
    let outcome: 'ready' | 'exited' | 'timeout' = 'timeout';
    for (const until = Date.now() + timeoutMs; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
      if (exited) {
        outcome = 'exited';
        break;
      }
      if (await fetch(`${url}${readyPath}`).then((res) => res.status === 200, () => false)) {
        outcome = 'ready';
        break;
      }
    }
    if (outcome === 'ready') return { url, port, process: server };
    if (outcome === 'timeout') {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    if (outcome === 'exited' && attempt < 3 && server.output().includes('EADDRINUSE')) continue;
    const how = outcome === 'exited' ? `exited (${server.child.exitCode ?? server.child.signalCode})` : `was not ready within ${timeoutMs} ms`;
    throw new Error(`the standalone server on port ${port} ${how}; it printed:\n${server.output()}`);
  }
};
