import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import { describeNeeding, makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { chown } from 'node:fs/promises';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { buildOnce, freePort, ROOT, startNode, waitFor, type RunningProcess } from '../support/processes';

/** `npm start` as an operator runs it: the built entry point in its own process. */
describe('the standalone process', () => {
  let dataDir: string;

  beforeAll(() => buildOnce());
  beforeEach(async () => {
    dataDir = await makeTempDir('proc');
  });
  afterEach(async () => {
    await removeDir(dataDir);
  });

  it('answers /health within 10 s and stops gracefully on SIGTERM', async () => {
    const port = await freePort();
    const server = startNode('dist/apps/standalone/src/main.js', { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    try {
      const readyAfterMs = await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/health`)).status === 200, 10_000);
      expect(readyAfterMs).toBeLessThan(10_000);
      server.child.kill('SIGTERM');
      // Nest runs the shutdown hooks, then exits with status 0 (the logger flushes on 'exit').
      expect(await server.exited).toEqual({ code: 0, signal: null });
      expect(server.output()).toMatch(/stopped on SIGTERM; the log is flushed and closed/);
    } finally {
      server.child.kill('SIGKILL');
    }
  });

  it('closes an idle keep-alive connection after HTTP_KEEP_ALIVE_TIMEOUT_MS, not after Node\'s 5 s', async () => {
    const port = await freePort();
    const server = startNode('dist/apps/standalone/src/main.js', { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, HTTP_KEEP_ALIVE_TIMEOUT_MS: '1500' });
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/health/live`)).ok, 10_000);
      const socket = connect(port, '127.0.0.1');
      let answeredAt = 0;
      const closedAfterMs = await new Promise<number>((resolve, reject) => {
        socket.once('connect', () => socket.write('GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n'));
        socket.on('data', () => (answeredAt ||= Date.now()));
        socket.once('close', () => resolve(Date.now() - answeredAt));
        socket.once('error', reject);
      });
      expect(answeredAt).toBeGreaterThan(0);
      expect(closedAfterMs).toBeGreaterThanOrEqual(1000);
      expect(closedAfterMs).toBeLessThan(4500);
    } finally {
      server.child.kill('SIGKILL');
      await server.exited;
    }
  });

  it('refuses a bad configuration value with one line naming the variable', async () => {
    const server = startNode('dist/apps/standalone/src/main.js', { PORT: 'eighty', DATA_DIR: dataDir });
    const { code } = await server.exited;
    expect(code).toBe(78);
    expect(server.output().trim()).toBe('standalone: Invalid configuration: PORT must be an integer number (got "eighty")');
  });
});

/** What an operator can fix ends in one line on stderr and an exit code of its own (README, Exit codes). */
describe('the standalone process refusing to start', () => {
  let dataDir: string;

  beforeAll(() => buildOnce());
  beforeEach(async () => {
    dataDir = await makeTempDir('refuse');
  });
  afterEach(async () => {
    await removeDir(dataDir);
  });

  const start = (env: Record<string, string>, as?: { uid: number; gid: number }) =>
    startNode('dist/apps/standalone/src/main.js', { HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env }, as);

  const expectOneLine = async (server: RunningProcess, exitCode: number, line: RegExp): Promise<void> => {
    const { code } = await server.exited;
    expect(server.errors().trimEnd().split('\n')).toEqual([expect.stringMatching(line)]);
    expect(server.output()).not.toMatch(/^\s+at /m); // no stack trace, on stdout either
    expect(code).toBe(exitCode);
  };

  it('a port another process listens on: exit 69, and DATA_DIR is let go', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as { port: number };
    try {
      const server = start({ PORT: String(port) });
      await expectOneLine(server, 69, new RegExp(`^standalone: cannot listen on 127\\.0\\.0\\.1:${port}: the port is already in use \\(EADDRINUSE\\); stop the other process or choose another PORT$`));
      // The stores it had opened were closed: the log flushed, the lock released.
      expect(server.output()).toMatch(/stopped; the log is flushed and closed/);
      expect(existsSync(join(dataDir, 'eventstore', 'LOCK'))).toBe(false);
    } finally {
      holder.close();
    }
  });

  it('a DATA_DIR another running process owns: exit 75', async () => {
    const owner = await EmbeddedEventStore.open({ dataDir });
    try {
      const server = start({ PORT: String(await freePort()) });
      await expectOneLine(
        server,
        75,
        new RegExp(`^standalone: the event log at ${dataDir}/eventstore is already open in process ${process.pid}; stop it or use another DATA_DIR$`),
      );
    } finally {
      await owner.close();
    }
  });

  it('a HOST that is not an address of this machine: exit 78, as a bad configuration value', async () => {
    // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): documentation only, never assigned to a machine.
    const server = start({ HOST: '192.0.2.7', PORT: String(await freePort()) });
    await expectOneLine(server, 78, /^standalone: Invalid configuration: HOST 192\.0\.2\.7 is not an address of this machine \(EADDRNOTAVAIL\)$/);
  });

  // A port below ip_unprivileged_port_start needs a privilege: as root the server runs as nobody.
  const unprivilegedFrom = (() => {
    try {
      return Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8'));
    } catch {
      return 1024;
    }
  })();
  const root = process.getuid?.() === 0;
  const missing =
    unprivilegedFrom <= 1
      ? `every port is open to every user here (ip_unprivileged_port_start=${unprivilegedFrom})`
      : root && (statSync(ROOT).mode & 0o005) !== 0o005
        ? `running as root, and ${ROOT} is not readable by nobody, who would run the server`
        : undefined;
  describeNeeding('a port this user may not open', missing, 'a port the user may not open', () => {
    it('exits 77', async () => {
      const nobody = { uid: 65534, gid: 65534 };
      if (root) await chown(dataDir, nobody.uid, nobody.gid);
      const server = start({ PORT: '1' }, root ? nobody : undefined);
      await expectOneLine(server, 77, /^standalone: cannot listen on 127\.0\.0\.1:1: permission denied \(EACCES\); choose a PORT from 1024 up$/);
    });
  });
});
