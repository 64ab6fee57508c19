import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { connect } from 'node:net';
import { buildOnce, freePort, startNode, waitFor } from '../support/processes';

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
