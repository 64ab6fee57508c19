import express from 'express';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pinoHttp from 'pino-http';
import { accessLogRequest } from './logging';

/** The access log's `ip` is the client address the HTTP layer worked out, under its trust rules. */
describe('access log lines', () => {
  const lineFor = async (trustProxy: string[] | false, forwardedFor: string): Promise<Record<string, unknown>> => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = express();
    app.set('trust proxy', trustProxy);
    app.use(pinoHttp({ serializers: { req: accessLogRequest } }, sink));
    app.get('/', (_req, res) => res.end('ok'));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/?q=1`, { headers: { 'x-forwarded-for': forwardedFor } });
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      server.close();
    }
    return JSON.parse(lines[0]).req as Record<string, unknown>;
  };

  it('logs the peer, not a client-written X-Forwarded-For, when no proxy is trusted', async () => {
    expect(await lineFor(false, '203.0.113.5')).toMatchObject({ method: 'GET', url: '/', ip: '127.0.0.1' });
  });

  it('logs the forwarded client behind a trusted proxy', async () => {
    expect(await lineFor(['127.0.0.1'], '198.51.100.1, 203.0.113.5')).toMatchObject({ ip: '203.0.113.5' });
  });
});
