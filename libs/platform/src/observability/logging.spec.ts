import fastify from 'fastify';
import { Writable } from 'node:stream';
import pino from 'pino';
import { accessLoggerOf, correlationIdOf, installAccessLog } from './logging';

/** The access log: one short line per request, built once, with the client address the HTTP layer worked out. */
describe('access log lines', () => {
  const linesFor = async (trustProxy: string[] | false, requests: { url: string; headers?: Record<string, string> }[]): Promise<Record<string, unknown>[]> => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const root = pino({ level: 'info', redact: { paths: ['*.password'], censor: '[redacted]' } }, sink);
    const app = fastify({ trustProxy, genReqId: (req) => correlationIdOf(req.headers['x-request-id']) });
    installAccessLog(app, accessLoggerOf(root));
    app.get('/', async () => 'ok');
    app.get('/health', async () => 'ok');
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = app.server.address() as { port: number };
      for (const { url, headers } of requests) await (await fetch(`http://127.0.0.1:${port}${url}`, { headers })).text();
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      await app.close();
    }
    return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  };

  it('logs the peer, not a client-written X-Forwarded-For, when no proxy is trusted', async () => {
    const [line] = await linesFor(false, [{ url: '/?q=secret', headers: { 'x-forwarded-for': '203.0.113.5', 'x-request-id': 'req-1' } }]);
    expect(line).toMatchObject({ msg: 'request completed', correlationId: 'req-1', req: { method: 'GET', url: '/', ip: '127.0.0.1' }, res: { statusCode: 200 } });
    expect(typeof line.responseTime).toBe('number');
    expect(JSON.stringify(line)).not.toContain('secret');
  });

  it('logs the forwarded client behind a trusted proxy', async () => {
    const [line] = await linesFor(['127.0.0.1'], [{ url: '/', headers: { 'x-forwarded-for': '198.51.100.1, 203.0.113.5' } }]);
    expect(line).toMatchObject({ req: { ip: '203.0.113.5' } });
  });

  it('writes one line a request, none for /health, and no request headers', async () => {
    const lines = await linesFor(false, [{ url: '/health' }, { url: '/', headers: { authorization: 'Bearer abc.def', 'user-agent': 'x'.repeat(300) } }]);
    expect(lines).toHaveLength(1);
    expect(Buffer.byteLength(JSON.stringify(lines[0]))).toBeLessThanOrEqual(300);
    expect(JSON.stringify(lines[0])).not.toContain('abc.def');
  });
});
