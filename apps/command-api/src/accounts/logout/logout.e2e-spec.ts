import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { call, refresh, signedInUser } from '../../../../../test/security/accounts-client';
import { startTestApp, TestApp } from '../../../../../test/support/test-app';

describe('POST /api/auth/logout', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp();
  });

  afterAll(async () => {
    await server.close();
  });

  it('answers 204 and revokes the session: its refresh token no longer works', async () => {
    const session = await signedInUser(server);
    const res = await call(server, 'POST', '/api/auth/logout', { body: { refreshToken: session.refreshToken } });
    expect(res.status).toBe(204);
    expect(res.headers.get('x-position')).toMatch(/^\d+$/);
    const after = await refresh(server, session.refreshToken);
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
  });

  it('is idempotent: a second logout answers 204 and appends nothing', async () => {
    const session = await signedInUser(server);
    await call(server, 'POST', '/api/auth/logout', { body: { refreshToken: session.refreshToken } });
    const store = server.app.get(EventStore);
    const before = await store.headPosition();
    const again = await call(server, 'POST', '/api/auth/logout', { body: { refreshToken: session.refreshToken } });
    expect(again.status).toBe(204);
    expect(await store.headPosition()).toBe(before);
  });

  it('cannot revoke someone else\'s session by guessing its family id', async () => {
    const session = await signedInUser(server);
    const [familyId] = session.refreshToken.split('.');
    const res = await call(server, 'POST', '/api/auth/logout', { body: { refreshToken: `${familyId}.${'C'.repeat(43)}` } });
    expect(res.status).toBe(204);
    expect((await refresh(server, session.refreshToken)).status).toBe(200);
  });

  it('needs a refresh token in the body (400); an access token or any other string in its place revokes nothing (204)', async () => {
    expect((await call(server, 'POST', '/api/auth/logout', { body: {} })).status).toBe(400);
    const session = await signedInUser(server);
    for (const refreshToken of [session.accessToken, '', 'x'.repeat(5000)]) {
      expect((await call(server, 'POST', '/api/auth/logout', { body: { refreshToken } })).status).toBe(204);
    }
    expect((await refresh(server, session.refreshToken)).status).toBe(200);
  });
});
