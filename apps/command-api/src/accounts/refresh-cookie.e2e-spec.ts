import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { call, GOOD_PASSWORD, register } from '../../../../test/security/accounts-client';
import { bearer } from '../../../../test/support/auth';
import { startTestApp, TestApp } from '../../../../test/support/test-app';

/** The browser's refresh token as an HttpOnly cookie (API.md, Accounts): login, refresh, logout, the CSRF guard. */

const WEB = { 'x-requested-with': 'tessera-web' };
const WANTS_COOKIE = { 'x-refresh-cookie': '1' };

/** The `tessera_refresh` Set-Cookie of an answer, its value and attributes. */
const refreshCookieOf = (headers: Headers): { value: string; attributes: string[] } | undefined => {
  const line = headers.getSetCookie().find((cookie) => cookie.startsWith('tessera_refresh='));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split(';').map((part) => part.trim());
  return { value: decodeURIComponent(pair.slice('tessera_refresh='.length)), attributes };
};

const cookieHeader = (token: string): Record<string, string> => ({ cookie: `tessera_refresh=${encodeURIComponent(token)}` });

describe('the refresh-token cookie', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ env: { REFRESH_REUSE_GRACE_MS: '0' } });
  });

  afterAll(async () => {
    await server.close();
  });

  const browserLogin = async (): Promise<{ accessToken: string; cookie: string }> => {
    const account = await register(server);
    const res = await call<Record<string, unknown>>(server, 'POST', '/api/auth/login', {
      body: { email: account.email, password: GOOD_PASSWORD },
      headers: WANTS_COOKIE,
    });
    expect(res.status).toBe(200);
    const cookie = refreshCookieOf(res.headers);
    if (!cookie) throw new Error('login set no tessera_refresh cookie');
    return { accessToken: res.body.accessToken as string, cookie: cookie.value };
  };

  it('login with X-Refresh-Cookie: 1 answers no refreshToken and sets it HttpOnly, Secure, SameSite=Strict on /api/auth', async () => {
    const account = await register(server);
    const res = await call<Record<string, unknown>>(server, 'POST', '/api/auth/login', { body: { email: account.email, password: GOOD_PASSWORD }, headers: WANTS_COOKIE });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: expect.any(Number), position: expect.stringMatching(/^\d+$/) });
    expect(res.body).not.toHaveProperty('refreshToken');
    const cookie = refreshCookieOf(res.headers);
    expect(cookie?.value).toMatch(/^[0-9a-f-]{36}\./);
    expect(cookie?.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/api/auth', expect.stringMatching(/^Max-Age=\d+$/)]));
    expect((await call(server, 'GET', '/api/auth/me', { headers: bearer(res.body.accessToken as string) })).status).toBe(200);
  });

  it('login without the header answers the token in the body and sets no cookie, as before', async () => {
    const account = await register(server);
    const res = await call<Record<string, unknown>>(server, 'POST', '/api/auth/login', { body: { email: account.email, password: GOOD_PASSWORD } });
    expect(res.body.refreshToken).toEqual(expect.any(String));
    expect(refreshCookieOf(res.headers)).toBeUndefined();
  });

  it('refresh by cookie behind X-Requested-With rotates the cookie and answers a working access token, no refreshToken', async () => {
    const session = await browserLogin();
    const res = await call<Record<string, unknown>>(server, 'POST', '/api/auth/refresh', { body: {}, headers: { ...WEB, ...cookieHeader(session.cookie) } });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('refreshToken');
    const rotated = refreshCookieOf(res.headers);
    expect(rotated?.value).toBeDefined();
    expect(rotated?.value).not.toBe(session.cookie);
    expect(rotated?.value.split('.')[0]).toBe(session.cookie.split('.')[0]);
    expect((await call(server, 'GET', '/api/auth/me', { headers: bearer(res.body.accessToken as string) })).status).toBe(200);
  });

  it('the CSRF guard: a cookie without X-Requested-With is not read (400, nothing appended, the token still works)', async () => {
    const session = await browserLogin();
    const store = server.app.get(EventStore);
    const before = await store.headPosition();
    for (const headers of [cookieHeader(session.cookie), { ...cookieHeader(session.cookie), 'x-requested-with': 'XMLHttpRequest' }]) {
      const refresh = await call(server, 'POST', '/api/auth/refresh', { body: {}, headers });
      expect(refresh.status).toBe(400);
      expect(refresh.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'refreshToken' }] });
      const logout = await call(server, 'POST', '/api/auth/logout', { body: {}, headers });
      expect(logout.status).toBe(400);
      expect(refreshCookieOf(logout.headers)).toBeUndefined();
    }
    expect(await store.headPosition()).toBe(before);
    const still = await call(server, 'POST', '/api/auth/refresh', { body: {}, headers: { ...WEB, ...cookieHeader(session.cookie) } });
    expect(still.status).toBe(200);
  });

  it('reuse of a spent cookie revokes the family (401 REFRESH_TOKEN_REUSED) and clears the cookie', async () => {
    const session = await browserLogin();
    const first = await call<Record<string, unknown>>(server, 'POST', '/api/auth/refresh', { body: {}, headers: { ...WEB, ...cookieHeader(session.cookie) } });
    const newest = refreshCookieOf(first.headers)!.value;
    const reused = await call(server, 'POST', '/api/auth/refresh', { body: {}, headers: { ...WEB, ...cookieHeader(session.cookie) } });
    expect(reused.status).toBe(401);
    expect(reused.body).toMatchObject({ code: 'REFRESH_TOKEN_REUSED' });
    const cleared = refreshCookieOf(reused.headers);
    expect(cleared?.value).toBe('');
    expect(cleared?.attributes).toEqual(expect.arrayContaining(['Max-Age=0', 'Path=/api/auth']));
    const afterTheft = await call(server, 'POST', '/api/auth/refresh', { body: {}, headers: { ...WEB, ...cookieHeader(newest) } });
    expect(afterTheft.status).toBe(401);
    expect(afterTheft.body).toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
  });

  it('refresh with the header and no cookie: 401 INVALID_REFRESH_TOKEN', async () => {
    const res = await call(server, 'POST', '/api/auth/refresh', { body: {}, headers: WEB });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
  });

  it('a body token wins over the cookie, and X-Refresh-Cookie moves a body session into a cookie', async () => {
    const account = await register(server);
    const login = await call<Record<string, string>>(server, 'POST', '/api/auth/login', { body: { email: account.email, password: GOOD_PASSWORD } });
    const res = await call<Record<string, unknown>>(server, 'POST', '/api/auth/refresh', {
      body: { refreshToken: login.body.refreshToken },
      headers: { ...WEB, ...WANTS_COOKIE, ...cookieHeader('not-a-token') },
    });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('refreshToken');
    expect(refreshCookieOf(res.headers)?.value.split('.')[0]).toBe(login.body.refreshToken.split('.')[0]);
  });

  it('logout by cookie revokes the session and clears the cookie', async () => {
    const session = await browserLogin();
    const res = await call(server, 'POST', '/api/auth/logout', { body: {}, headers: { ...WEB, ...cookieHeader(session.cookie) } });
    expect(res.status).toBe(204);
    expect(res.headers.get('x-position')).toMatch(/^\d+$/);
    expect(refreshCookieOf(res.headers)).toMatchObject({ value: '', attributes: expect.arrayContaining(['Max-Age=0']) });
    const after = await call(server, 'POST', '/api/auth/refresh', { body: {}, headers: { ...WEB, ...cookieHeader(session.cookie) } });
    expect(after.status).toBe(401);
    const logoutAgain = await call(server, 'POST', '/api/auth/logout', { body: {}, headers: WEB });
    expect(logoutAgain.status).toBe(204);
  });
});
