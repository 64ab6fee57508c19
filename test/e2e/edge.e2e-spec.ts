import { accountStream } from '@tessera/contracts';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { call, GOOD_PASSWORD, uniqueEmail } from '../security/accounts-client';
import { startTestApp, TestApp } from '../support/test-app';

describe('the edge: correlation and CORS', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ env: { CORS_ORIGINS: 'https://box.example.com' } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('carries the caller’s X-Request-Id into the metadata of the events it causes', async () => {
    const res = await call<{ userId: string }>(server, 'POST', '/api/auth/register', {
      body: { email: uniqueEmail(), password: GOOD_PASSWORD, displayName: 'Fan' },
      headers: { 'x-request-id': 'req-correlate-42' },
    });
    expect(res.status).toBe(201);
    const [registered] = await server.app.get(EventStore).readStream(accountStream(res.body.userId));
    expect(registered.metadata).toMatchObject({ correlationId: 'req-correlate-42', actorId: 'anonymous', schemaVersion: 1 });
    expect(registered.metadata.causationId).toEqual(expect.any(String));
  });

  it('allows the configured origin and no other', async () => {
    const allowed = await fetch(`${server.url}/api/shows`, { headers: { origin: 'https://box.example.com' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://box.example.com');
    const other = await fetch(`${server.url}/api/shows`, { headers: { origin: 'https://evil.example.com' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
