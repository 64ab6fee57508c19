import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { call, refresh, signedInUser } from '../../../../../test/security/accounts-client';
import { accessTokenFor, bearer } from '../../../../../test/support/auth';
import { startTestApp, TestApp } from '../../../../../test/support/test-app';

describe('POST /api/auth/refresh', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ env: { REFRESH_REUSE_GRACE_MS: '0' } });
  });

  afterAll(async () => {
    await server.close();
  });

  it('rotates: a new pair, the old refresh token spent', async () => {
    const session = await signedInUser(server);
    const rotated = await refresh(server, session.refreshToken);
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(session.refreshToken);
    expect(rotated.body.refreshToken.split('.')[0]).toBe(session.refreshToken.split('.')[0]);
    const me = await call(server, 'GET', '/api/auth/me', { headers: bearer(rotated.body.accessToken) });
    expect(me.status).toBe(200);
  });

  it('on reuse of a spent token revokes the family: 401 REFRESH_TOKEN_REUSED, and the newest token stops working', async () => {
    const session = await signedInUser(server);
    const second = await refresh(server, session.refreshToken);
    const third = await refresh(server, second.body.refreshToken);
    expect(third.status).toBe(200);
    const reused = await refresh(server, session.refreshToken);
    expect(reused.status).toBe(401);
    expect(reused.body).toMatchObject({ code: 'REFRESH_TOKEN_REUSED' });
    const familyId = session.refreshToken.split('.')[0];
    const events = await server.app.get(EventStore).readStream(`refresh-family-${familyId}`);
    expect(events.at(-1)).toMatchObject({ type: 'refresh.family-revoked.v1', data: { reason: 'reuse_detected' } });
    const newest = await refresh(server, third.body.refreshToken);
    expect(newest.status).toBe(401);
    expect(newest.body).toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
  });

  it('answers 401 INVALID_REFRESH_TOKEN to a forged, malformed or unknown token without appending', async () => {
    const session = await signedInUser(server);
    const store = server.app.get(EventStore);
    const before = await store.headPosition();
    const [familyId] = session.refreshToken.split('.');
    const malformed = ['garbage', '', ' ', 'x'.repeat(5000), session.accessToken, session.accessToken.slice(0, 200), `${session.refreshToken}=`];
    for (const token of [`${familyId}.${'A'.repeat(43)}`, `${crypto.randomUUID()}.${'B'.repeat(43)}`, ...malformed]) {
      const res = await refresh(server, token);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
    }
    expect(await store.headPosition()).toBe(before);
  });

  it('gives the roles the account has now: a role change shows at the next refresh', async () => {
    const session = await signedInUser(server);
    const admin = await accessTokenFor(server, crypto.randomUUID(), ['admin']);
    const changed = await call(server, 'PUT', `/api/admin/users/${session.userId}/roles`, { body: { roles: ['user', 'staff'] }, headers: bearer(admin) });
    expect(changed.status).toBe(200);
    const rotated = await refresh(server, session.refreshToken);
    const claims = JSON.parse(Buffer.from(rotated.body.accessToken.split('.')[1], 'base64url').toString());
    expect(claims.roles).toEqual(['user', 'staff']);
  });
});

describe('POST /api/auth/refresh inside the grace window', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ env: { REFRESH_REUSE_GRACE_MS: '60000' } });
  });

  afterAll(async () => {
    await server.close();
  });

  it('does not take two concurrent refreshes with one token for theft', async () => {
    const session = await signedInUser(server);
    const [a, b] = await Promise.all([refresh(server, session.refreshToken), refresh(server, session.refreshToken)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await refresh(server, b.body.refreshToken)).status).toBe(200);
  });
});
