import helmet from 'helmet';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodyLimitBytes, securityHeaders } from './fastify-edge';

describe('the Fastify edge', () => {
  it('sets exactly the headers helmet sets on a real response', async () => {
    const server = createServer((req, res) => helmet()(req, res, () => res.end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    let real: IncomingHttpHeaders;
    try {
      real = (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)).headers as unknown as IncomingHttpHeaders;
    } finally {
      server.close();
    }
    const fromHelmet = Object.fromEntries([...(real as unknown as Headers).entries()].filter(([name]) => !['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name)));
    expect(securityHeaders()).toEqual(fromHelmet);
    expect(securityHeaders()).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN' });
  });

  it('reads BODY_LIMIT as body-parser did', () => {
    expect(bodyLimitBytes('100kb')).toBe(102_400);
    expect(bodyLimitBytes('1MB')).toBe(1_048_576);
    expect(bodyLimitBytes('512b')).toBe(512);
  });
});
