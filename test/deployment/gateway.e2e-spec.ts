import { describeWithBinary, makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { WEB_APP_CSP } from '@tessera/platform/http/web-app';
import { request as httpRequest, createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { freePort, ROOT, waitFor } from '../support/processes';

/**
 * The distributed deployment's gateway, deploy/nginx.conf, run by the machine's nginx in front of
 * three stand-in apps that record what reaches them. Only what ties the file to docker-compose is
 * rewritten: the apps' addresses, the listening port, and where nginx keeps its files.
 */

type App = 'command' | 'query' | 'notifier';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

interface StandIn {
  server: Server;
  port: number;
  seen: Seen[];
  /** TCP connections nginx opened to this app. */
  connections: number;
}

const startStandIn = async (app: App): Promise<StandIn> => {
  const standIn: StandIn = { server: createServer(), port: 0, seen: [], connections: 0 };
  // As the apps do (HTTP_KEEP_ALIVE_TIMEOUT_MS): idle connections outlive nginx's 30 s.
  standIn.server.keepAliveTimeout = 65_000;
  standIn.server.on('connection', () => standIn.connections++);
  standIn.server.on('request', (req, res) => {
    standIn.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    if (app === 'notifier' && req.url?.endsWith('/stream')) {
      // A live feed: one event now, and the response stays open.
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write('id: 1\ndata: {"hello":true}\n\n');
      return;
    }
    const body = JSON.stringify({ app });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  });
  await new Promise<void>((done) => standIn.server.listen(0, '127.0.0.1', done));
  standIn.port = (standIn.server.address() as AddressInfo).port;
  return standIn;
};

/**
 * The loopback address requests come from (any 127.x.y.z reaches the loopback on Linux). nginx's
 * rate limits key on the client address, so each test sends from one of its own (beforeEach) and
 * starts with full buckets whatever the tests before it sent.
 */
let clientAddress = '127.0.0.1';
let clients = 0;

/** One request on a connection of its own (no client-side keep-alive to hide what nginx does). */
const send = (
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  from = clientAddress,
): Promise<{ status: number; body: string; headers: IncomingHttpHeaders }> =>
  new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, agent: false, headers, localAddress: from }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });

describeWithBinary('nginx', 'apt-get install nginx-light', 'the nginx gateway (deploy/nginx.conf)', (nginxPath) => {
  let dir: string;
  let nginx: ChildProcess;
  let nginxOutput = '';
  let port: number;
  const apps = {} as Record<App, StandIn>;

  beforeAll(async () => {
    for (const app of ['command', 'query', 'notifier'] as const) apps[app] = await startStandIn(app);
    port = await freePort();
    dir = await makeTempDir('gateway');
    await chmod(dir, 0o755); // nginx's workers drop root and must reach their temp folders

    let config = await readFile(join(ROOT, 'deploy/nginx.conf'), 'utf8');
    const rewrite = (from: string, to: string): void => {
      if (!config.includes(from)) throw new Error(`deploy/nginx.conf no longer contains "${from}"`);
      config = config.replaceAll(from, to);
    };
    rewrite('server command-api:3000;', `server 127.0.0.1:${apps.command.port};`);
    rewrite('server query-api:3000;', `server 127.0.0.1:${apps.query.port};`);
    rewrite('server notifier:3000;', `server 127.0.0.1:${apps.notifier.port};`);
    rewrite('listen 80;', `listen 127.0.0.1:${port};`);
    // A built web app of two files, where the gateway image has dist/web.
    rewrite('root /usr/share/nginx/html;', `root ${dir}/web;`);
    await mkdir(join(dir, 'web', 'assets'), { recursive: true });
    await writeFile(join(dir, 'web', 'index.html'), '<!doctype html><script type="module" src="/assets/index-abc123.js"></script>');
    await writeFile(join(dir, 'web', 'assets', 'index-abc123.js'), 'console.log("tessera")');
    rewrite(
      'http {',
      `http {\n  access_log ${dir}/access.log;\n${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${dir}/${kind};`).join('\n')}`,
    );
    await writeFile(join(dir, 'nginx.conf'), config);

    nginx = spawn(nginxPath, ['-p', dir, '-e', 'stderr', '-c', join(dir, 'nginx.conf'), '-g', `daemon off; pid ${dir}/nginx.pid;`], { stdio: ['ignore', 'pipe', 'pipe'] });
    nginx.stdout?.on('data', (chunk) => (nginxOutput += chunk));
    nginx.stderr?.on('data', (chunk) => (nginxOutput += chunk));
    try {
      await waitFor(async () => (await send(port, 'GET', '/metrics')).status === 404, 10_000);
    } catch (error) {
      throw new Error(`nginx did not start: ${nginxOutput || (error as Error).message}`);
    }
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((done) => nginx.once('close', done));
      nginx.kill('SIGTERM');
      await exited;
    }
    for (const app of Object.values(apps)) {
      app.server.closeAllConnections();
      await new Promise((done) => app.server.close(done));
    }
    if (dir) await removeDir(dir);
  });

  beforeEach(() => {
    clients += 1;
    clientAddress = `127.0.1.${clients}`;
  });

  const lastSeenBy = (app: App): Seen => apps[app].seen[apps[app].seen.length - 1];

  it('sends reads to query-api, writes and accounts to command-api, live feeds to the notifier, and keeps /metrics inside', async () => {
    expect(JSON.parse((await send(port, 'GET', '/api/shows')).body)).toEqual({ app: 'query' });
    const commandSeen = apps.command.seen.length;
    expect((await send(port, 'HEAD', '/api/shows')).status).toBe(200);
    expect(lastSeenBy('query')).toMatchObject({ method: 'HEAD', url: '/api/shows' });
    expect(apps.command.seen.length).toBe(commandSeen);
    expect(JSON.parse((await send(port, 'POST', '/api/bookings')).body)).toEqual({ app: 'command' });
    expect(JSON.parse((await send(port, 'DELETE', '/api/bookings/b-1')).body)).toEqual({ app: 'command' });
    expect(JSON.parse((await send(port, 'GET', '/api/auth/me')).body)).toEqual({ app: 'command' });
    // A waiting-room place is served from the command API's rooms in memory (a show itself is a read, below).
    expect(JSON.parse((await send(port, 'GET', '/api/shows/s-1/queue/q-1')).body)).toEqual({ app: 'command' });
    expect(JSON.parse((await send(port, 'POST', '/api/devices/gate-1/telemetry')).body)).toEqual({ app: 'command' });
    expect(lastSeenBy('command')).toMatchObject({ method: 'POST', url: '/api/devices/gate-1/telemetry' });
    expect(JSON.parse((await send(port, 'GET', '/api/devices')).body)).toEqual({ app: 'query' });
    expect(JSON.parse((await send(port, 'GET', '/health')).body)).toEqual({ app: 'query' });
    expect(lastSeenBy('query')).toMatchObject({ method: 'GET', url: '/health' });
    // The e-mail outbox is the notifier's; the other admin reads stay with the query API.
    expect(JSON.parse((await send(port, 'GET', '/api/admin/outbox?limit=5')).body)).toEqual({ app: 'notifier' });
    expect(lastSeenBy('notifier')).toMatchObject({ method: 'GET', url: '/api/admin/outbox?limit=5' });
    expect(JSON.parse((await send(port, 'GET', '/api/admin/users')).body)).toEqual({ app: 'query' });
    expect(JSON.parse((await send(port, 'GET', '/asyncapi.json')).body)).toEqual({ app: 'notifier' });

    const metrics = await send(port, 'GET', '/metrics');
    expect(metrics.status).toBe(404);
    expect(JSON.stringify([...apps.command.seen, ...apps.query.seen, ...apps.notifier.seen])).not.toContain('/metrics');
  });

  it('passes the client address, the host and a request id to every app, the notifier included', async () => {
    await send(port, 'GET', '/api/notifications/recent', { 'x-request-id': 'from-the-client' });
    await send(port, 'POST', '/api/bookings');
    for (const app of ['notifier', 'command'] as const) {
      const { headers } = lastSeenBy(app);
      expect(headers['x-forwarded-for']).toBe(clientAddress);
      expect(headers.host).toBe('127.0.0.1');
      expect(headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/); // nginx's $request_id
    }
  });

  it('reuses its connections to the apps instead of opening one per request', async () => {
    const before = apps.query.connections;
    // Twelve: with the requests before, within the API's burst of 20 (the next test goes past it).
    for (let i = 0; i < 12; i++) expect((await send(port, 'GET', `/api/shows?page=${i}`)).status).toBe(200);
    // One worker process, requests one after another: one connection, kept alive.
    expect(apps.query.connections - before).toBeLessThanOrEqual(1);
    const { headers, url } = lastSeenBy('query');
    expect(url).toBe('/api/shows?page=11');
    expect(headers.connection).toBeUndefined(); // HTTP/1.1 keep-alive, not "close"
  });

  it('streams Server-Sent Events as they come, without buffering the response', async () => {
    const firstChunk = await new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/api/notifications/stream', agent: false, localAddress: clientAddress, headers: { accept: 'text/event-stream' } }, (res) => {
        res.setEncoding('utf8');
        res.once('data', (chunk: string) => {
          resolve(chunk);
          req.destroy();
        });
      });
      req.on('error', reject);
      req.setTimeout(5000, () => reject(new Error('no event within 5 s: the gateway buffered the stream')));
      req.end();
    });
    expect(firstChunk).toContain('data: {"hello":true}');
  });

  it('serves the web app: index.html for client routes (no-cache, the strict CSP), hashed assets immutable, the API untouched', async () => {
    for (const path of ['/', '/shows/42', '/bookings/b-1?step=pay']) {
      const page = await send(port, 'GET', path);
      expect(page.status).toBe(200);
      expect(page.body).toContain('/assets/index-abc123.js');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['content-security-policy']).toBe(WEB_APP_CSP);
    }
    const asset = await send(port, 'GET', '/assets/index-abc123.js');
    expect(asset.body).toBe('console.log("tessera")');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await send(port, 'GET', '/assets/gone-999.js')).status).toBe(404);
    expect((await send(port, 'GET', '/favicon.ico')).status).toBe(404);
    expect((await send(port, 'GET', '/docs')).status).toBe(404);
    expect(JSON.parse((await send(port, 'GET', '/api/shows/42')).body)).toEqual({ app: 'query' });
  });

  it('limits the API per address to 10 requests a second with a burst of 20, answering 429 at the gateway', async () => {
    const before = apps.query.seen.length;
    const statuses: number[] = [];
    const started = Date.now();
    for (let i = 0; i < 40; i++) statuses.push((await send(port, 'GET', `/api/shows/limit-${i}`, {}, '127.0.0.2')).status);
    const seconds = (Date.now() - started) / 1000;
    const passed = statuses.filter((status) => status === 200).length;
    // The burst passes, then what the rate (10 a second) refilled while the 40 were sent.
    expect(passed).toBeGreaterThanOrEqual(20);
    expect(passed).toBeLessThanOrEqual(20 + Math.ceil(10 * seconds) + 1);
    expect(passed).toBeLessThan(40);
    expect(statuses.filter((status) => status === 429).length).toBe(40 - passed);
    expect(apps.query.seen.length - before).toBe(passed);
  });

  it('limits sign-in attempts per address before they reach the command side', async () => {
    const before = apps.command.seen.filter(({ url }) => url === '/api/auth/login').length;
    const statuses: number[] = [];
    for (let i = 0; i < 16; i++) statuses.push((await send(port, 'POST', '/api/auth/login', {}, '127.0.0.3')).status);
    const reached = apps.command.seen.filter(({ url }) => url === '/api/auth/login').length - before;
    // 2 a second with a burst of 10: about the first 11 pass, the rest are refused at the gateway.
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(3);
    expect(reached).toBe(statuses.filter((status) => status === 200).length);
  });
});
