import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { TokenService } from '@tessera/platform/security/token-service';
import { randomBytes } from 'node:crypto';
import { SseReader } from '../support/sse';
import { buildOnce, freePort, startNode, waitFor } from '../support/processes';

/** Open live streams never hold up SIGTERM: the built server, in its own process, exits at once. */
describe('the standalone process with open live streams', () => {
  let dataDir: string;

  beforeAll(() => buildOnce());
  beforeEach(async () => {
    dataDir = await makeTempDir('sse-proc');
  });
  afterEach(async () => {
    await removeDir(dataDir);
  });

  it('stops promptly on SIGTERM, ending every stream', async () => {
    const port = await freePort();
    const secret = randomBytes(32).toString('base64url');
    const url = `http://127.0.0.1:${port}`;
    const server = startNode('dist/apps/standalone/src/main.js', { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, JWT_SECRET: secret, SSE_HEARTBEAT_MS: '60000' });
    const readers: SseReader[] = [];
    try {
      await waitFor(async () => (await fetch(`${url}/health`)).status === 200, 15_000);
      const tokens = new TokenService({ secret: Buffer.from(secret), issuer: 'tessera', audience: 'tessera-api' });
      const { accessToken } = await tokens.issueAccessToken({ userId: 'staff-proc', roles: ['staff'] });
      for (const query of ['', '&lastEventId=0', '&types=booking.*']) {
        const issued = await fetch(`${url}/api/notifications/stream-tokens`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` } });
        expect(issued.status).toBe(201);
        const { token } = (await issued.json()) as { token: string };
        const opened = await SseReader.open(`${url}/api/notifications/stream?token=${token}${query}`);
        expect(opened.status).toBe(200);
        readers.push(opened.reader);
      }
      const started = Date.now();
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
      expect(Date.now() - started).toBeLessThan(3_000);
      for (const reader of readers) await reader.until('the stream to end', () => reader.ended, 1_000);
      expect(server.output()).toMatch(/stopped on SIGTERM; the log is flushed and closed/);
    } finally {
      for (const reader of readers) reader.close();
      server.child.kill('SIGKILL');
    }
  });
});
