import { AsyncResource } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { call, GOOD_PASSWORD, uniqueEmail } from '../security/accounts-client';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * A request through Nest's interceptor chain (the read-your-writes interceptor of the query
 * routes, the idempotency interceptor of every POST) makes no AsyncResource: Nest's own chain
 * bound two per request (interceptor-chain.ts).
 */
describe('the interceptor chain', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp();
  });
  afterAll(async () => {
    await server.close();
  });

  it('binds no AsyncResource per request, and the interceptors still answer', async () => {
    const bind = jest.spyOn(AsyncResource, 'bind');
    try {
      for (let i = 0; i < 20; i++) expect((await fetch(`${server.url}/api/shows`, { headers: { 'x-min-position': '0' } })).status).toBe(200);
      const body = { email: uniqueEmail(), password: GOOD_PASSWORD, displayName: 'Chain' };
      const key = randomUUID();
      const first = await call<{ userId: string }>(server, 'POST', '/api/auth/register', { body, headers: { 'idempotency-key': key } });
      const again = await call<{ userId: string }>(server, 'POST', '/api/auth/register', { body, headers: { 'idempotency-key': key } });
      expect(first.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body.userId).toBe(first.body.userId);
      expect(bind).not.toHaveBeenCalled();
    } finally {
      bind.mockRestore();
    }
  });
});
