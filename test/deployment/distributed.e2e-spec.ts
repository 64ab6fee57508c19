import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { binaryPath, makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { expectSound } from '../load/k6-expectations';
import { runK6Script, scriptPath } from '../load/k6-runner';
import { buildOnce, freePort, ROOT, startNode, waitFor, type RunningProcess } from '../support/processes';

/**
 * The distributed deployment end to end, as docker-compose runs it but without Docker: each app
 * from its own entry point in its own process — two command-api, a query-api, the projector and
 * the notifier — on KurrentDB, MongoDB and three Redis nodes, behind the machine's nginx running
 * deploy/nginx.conf. The smoke and flash-sale load scripts then run through the gateway: every
 * route, read-your-writes across processes (command-api → log → projector → MongoDB →
 * query-api), and no seat sold twice with two command-api instances competing for seats.
 *
 * Runs where EVENTSTORE_URL, MONGO_URL and REDIS_URLS are set (the GitHub Actions workflow
 * .github/workflows/distributed.yml); skipped with a printed reason elsewhere.
 */

const NEEDED = ['EVENTSTORE_URL', 'MONGO_URL', 'REDIS_URLS'] as const;
const missing = NEEDED.filter((name) => !process.env[name]);
const nginxPath = binaryPath('nginx');
const ADMIN = { ADMIN_EMAIL: 'distributed-admin@example.com', ADMIN_PASSWORD: 'Harbor-Velvet-Compass-57' };

const describeDistributed = missing.length || !nginxPath ? describe.skip : describe;
if (missing.length || !nginxPath) {
  console.warn(`SKIPPED "the distributed deployment": ${missing.length ? `set ${missing.join(', ')}` : 'nginx is not installed'} to run it`);
}

describeDistributed('the distributed deployment: separate processes behind the gateway', () => {
  const apps: { name: string; port: number; process: RunningProcess }[] = [];
  let nginx: ChildProcess | undefined;
  let nginxOutput = '';
  let dir: string;
  let gateway: string;

  beforeAll(async () => {
    buildOnce();
    dir = await makeTempDir('distributed');
    await chmod(dir, 0o755);
    const env: Record<string, string> = {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATA_DIR: dir,
      EVENTSTORE_URL: process.env.EVENTSTORE_URL as string,
      MONGO_URL: process.env.MONGO_URL as string,
      REDIS_URLS: process.env.REDIS_URLS as string,
      JWT_SECRET: `distributed-test-jwt-secret-${randomUUID()}`,
      TICKET_SIGNING_KEY: `distributed-test-ticket-key-${randomUUID()}`,
      RATE_LIMIT_KEY_PREFIX: `tessera-test:${randomUUID()}:`,
      // The gateway, on loopback, names the client.
      TRUST_PROXY: '127.0.0.1',
      ...ADMIN,
    };
    for (const name of ['command-api', 'command-api', 'query-api', 'projector', 'notifier']) {
      const port = await freePort();
      apps.push({ name, port, process: startNode(`dist/apps/${name}/src/main.js`, { ...env, PORT: String(port) }) });
    }
    for (const app of apps) {
      try {
        await waitFor(async () => (await fetch(`http://127.0.0.1:${app.port}/health`)).status === 200, 60_000, 250);
      } catch {
        throw new Error(`${app.name} on ${app.port} did not become healthy:\n${app.process.output()}`);
      }
    }

    const port = await freePort();
    gateway = `http://127.0.0.1:${port}`;
    let config = await readFile(join(ROOT, 'deploy', 'nginx.conf'), 'utf8');
    const rewrite = (from: string, to: string): void => {
      if (!config.includes(from)) throw new Error(`deploy/nginx.conf no longer contains "${from}"`);
      config = config.replace(from, to);
    };
    const upstream = (name: string) =>
      apps
        .filter((app) => app.name === name)
        .map((app) => `server 127.0.0.1:${app.port};`)
        .join(' ');
    rewrite('server command-api:3000;', upstream('command-api'));
    rewrite('server query-api:3000;', upstream('query-api'));
    rewrite('server notifier:3000;', upstream('notifier'));
    rewrite('listen 80;', `listen 127.0.0.1:${port};`);
    // A load test from one address: the limits raised as docs/operations.md ("Gateway limits") says.
    rewrite('zone=api:10m rate=10r/s', 'zone=api:10m rate=10000r/s');
    rewrite('zone=auth:10m rate=2r/s', 'zone=auth:10m rate=10000r/s');
    rewrite('zone=api burst=20 nodelay', 'zone=api burst=10000 nodelay');
    rewrite('zone=auth burst=10 nodelay', 'zone=auth burst=10000 nodelay');
    rewrite(
      'http {',
      `http {\n  access_log ${dir}/access.log;\n${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${dir}/${kind};`).join('\n')}`,
    );
    await writeFile(join(dir, 'nginx.conf'), config);
    nginx = spawn(nginxPath as string, ['-p', dir, '-e', 'stderr', '-c', join(dir, 'nginx.conf'), '-g', `daemon off; pid ${dir}/nginx.pid;`], { stdio: ['ignore', 'pipe', 'pipe'] });
    nginx.stdout?.on('data', (chunk) => (nginxOutput += chunk));
    nginx.stderr?.on('data', (chunk) => (nginxOutput += chunk));
    try {
      await waitFor(async () => (await fetch(`${gateway}/health`)).status === 200, 10_000);
    } catch {
      throw new Error(`nginx did not start: ${nginxOutput}`);
    }
  }, 180_000);

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((done) => nginx?.once('close', done));
      nginx.kill('SIGTERM');
      await exited;
    }
    for (const app of apps) app.process.child.kill('SIGTERM');
    await Promise.all(apps.map((app) => app.process.exited));
    if (dir) await removeDir(dir);
  });

  const env = (): Record<string, string> => ({ BASE_URL: gateway, ...ADMIN });

  it('walks every main route through the gateway (load/smoke.ts)', async () => {
    expectSound('smoke.ts', await runK6Script({ script: scriptPath('smoke.ts'), env: env() }));
  }, 120_000);

  it('sells seats from two command-api instances without selling one twice (load/flash-sale.ts)', async () => {
    const report = await runK6Script({ script: scriptPath('flash-sale.ts'), env: env(), maxVus: 4, iterations: 3 });
    expectSound('flash-sale.ts', report);
    expect(report.thresholds.find((t) => t.metric === 'oversold')).toMatchObject({ ok: true, actual: 0 });
  }, 180_000);

  it('spread the traffic over both command-api instances', async () => {
    for (const app of apps.filter((candidate) => candidate.name === 'command-api')) {
      const text = await (await fetch(`http://127.0.0.1:${app.port}/metrics`)).text();
      const handled = [...text.matchAll(/^tessera_http_request_duration_seconds_count\{[^}]*route="\/api\/[^"]*"[^}]*\} (\d+)/gm)].reduce((sum, [, n]) => sum + Number(n), 0);
      expect({ port: app.port, handled: handled > 0 }).toEqual({ port: app.port, handled: true });
    }
  });
});
