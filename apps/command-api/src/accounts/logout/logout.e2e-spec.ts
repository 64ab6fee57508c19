import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { call, login, refresh, signedInUser } from '../../../../../test/security/accounts-client';
import { accessTokenFor, bearer } from '../../../../../test/support/auth';
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

  it('ends the access tokens issued before it at once, on staff routes and all others; a new sign-in works', async () => {
    const member = await signedInUser(server);
    const admin = await accessTokenFor(server, crypto.randomUUID(), ['user', 'admin']);
    expect((await call(server, 'PUT', `/api/admin/users/${member.userId}/roles`, { body: { roles: ['user', 'staff'] }, headers: bearer(admin) })).status).toBe(200);
    const staff = await login(server, member.email);
    const checkIn = (token: string) => call(server, 'POST', '/api/checkins', { body: { code: 'not-a-ticket-code' }, headers: bearer(token) });
    expect((await checkIn(staff.accessToken)).status).toBe(404);

    const out = await call(server, 'POST', '/api/auth/logout', { body: { refreshToken: staff.refreshToken } });
    expect(out.status).toBe(204);
    const events = await server.app.get(EventStore).readStream(`account-${member.userId}`);
    expect(events.at(-1)).toMatchObject({ type: 'account.signed-out.v1', data: { familyId: staff.refreshToken.split('.')[0] }, metadata: { actorId: member.userId } });
    expect((await checkIn(staff.accessToken)).status).toBe(401);
    expect((await call(server, 'GET', '/api/auth/me', { headers: bearer(staff.accessToken) })).status).toBe(401);

    const again = await login(server, member.email);
    expect((await checkIn(again.accessToken)).status).toBe(404);
    // Another session of the user keeps its refresh token and continues with a fresh access token.
    expect((await refresh(server, member.refreshToken)).status).toBe(200);
  });
});
