import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { buildOnce, startStandalone, waitFor, type RunningProcess } from '../support/processes';

/**
 * The access log as the built server writes it: one line per request, short enough that a busy
 * server does not write more log than data (issue 10: about 2.5 KB a request, 275 MB in 150 s),
 * and still carrying the correlation id that ties the line to the events and the client.
 */
describe('the access log of the standalone process', () => {
  let dataDir: string;
  let server: RunningProcess;
  let base: string;

  beforeAll(async () => {
    buildOnce();
    dataDir = await makeTempDir('access-log');
    ({ url: base, process: server } = await startStandalone({ DATA_DIR: dataDir, LOG_LEVEL: 'info' }));
  }, 90_000);

  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    await removeDir(dataDir);
  });

  const accessLine = async (correlationId: string): Promise<string> => {
    let line: string | undefined;
    await waitFor(async () => {
      line = server
        .output()
        .split('\n')
        .find((candidate) => candidate.includes('"request completed"') && candidate.includes(correlationId));
      return line !== undefined;
    }, 5_000);
    return line as string;
  };

  it('writes a typical POST in at most 400 bytes, with its correlation id and no credentials', async () => {
    const res = await fetch(`${base}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'access-log-register-1', 'idempotency-key': 'register-once', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36' },
      body: JSON.stringify({ email: 'reader@example.com', password: 'correct horse battery staple', displayName: 'Reader' }),
    });
    expect(res.status).toBe(201);

    const line = await accessLine('access-log-register-1');
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(400);
    const entry = JSON.parse(line) as Record<string, unknown>;
    expect(entry).toMatchObject({ correlationId: 'access-log-register-1', req: { method: 'POST', url: '/api/auth/register' }, res: { statusCode: 201 } });
    expect(typeof entry.responseTime).toBe('number');
    expect(line).not.toContain('correct horse');
    expect(line).not.toContain('register-once');
  });

  it('keeps a refused POST short too, under the correlation id the server made up and answered with', async () => {
    const res = await fetch(`${base}/api/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
      body: JSON.stringify({ showId: 'x', seats: ['A-1-1'] }),
    });
    expect(res.status).toBe(401);
    const correlationId = res.headers.get('x-request-id') as string;
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);

    const line = await accessLine(correlationId);
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(400);
    expect(JSON.parse(line)).toMatchObject({ correlationId, req: { method: 'POST', url: '/api/bookings' }, res: { statusCode: 401 } });
    expect(line).not.toContain('not-a-token');
  });
});
