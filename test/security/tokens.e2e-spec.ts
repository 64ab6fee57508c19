import { createSecretKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { accessTokenFor, bearer } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { call, refresh, signedInUser } from './accounts-client';

const SECRET = 'test-secret-of-at-least-32-bytes-for-tessera!!';

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('JWT tampering and token confusion answer 401', () => {
  let server: TestApp;
  let user: Awaited<ReturnType<typeof signedInUser>>;
  const now = () => Math.floor(Date.now() / 1000);

  const sign = (claims: Record<string, unknown>, options: { secret?: string; typ?: string; iat?: number; exp?: number } = {}) =>
    new SignJWT({ roles: ['admin'], ...claims })
      .setProtectedHeader({ alg: 'HS256', typ: options.typ ?? 'at+jwt' })
      .setIssuer((claims.iss as string) ?? 'tessera')
      .setAudience((claims.aud as string) ?? 'tessera-api')
      .setSubject(user.userId)
      .setJti(crypto.randomUUID())
      .setIssuedAt(options.iat ?? now())
      .setExpirationTime(options.exp ?? now() + 600)
      .sign(createSecretKey(Buffer.from(options.secret ?? SECRET)));

  const me = (token: string) => call(server, 'GET', '/api/auth/me', { headers: bearer(token) });

  beforeAll(async () => {
    server = await startTestApp({ env: { JWT_SECRET: SECRET, REFRESH_REUSE_GRACE_MS: '0' } });
    user = await signedInUser(server);
  });

  afterAll(async () => {
    await server.close();
  });

  it('accepts the genuine token and one we sign with the configured key (the tests below are not vacuous)', async () => {
    expect((await me(user.accessToken)).status).toBe(200);
    expect((await me(await sign({}))).status).toBe(200);
  });

  it.each([
    ['alg: none', async () => `${b64({ alg: 'none', typ: 'at+jwt' })}.${user.accessToken.split('.')[1]}.`],
    ['alg: none without the dot', async () => `${b64({ alg: 'none', typ: 'at+jwt' })}.${user.accessToken.split('.')[1]}`],
    ['a wrong key', () => sign({}, { secret: 'another-secret-of-at-least-32-bytes!!!!!' })],
    [
      'an altered payload (roles raised to admin, old signature)',
      async () => {
        const [header, payload, signature] = user.accessToken.split('.');
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
        return `${header}.${b64({ ...claims, roles: ['admin'] })}.${signature}`;
      },
    ],
    ['an expired token', () => sign({}, { iat: now() - 3600, exp: now() - 60 })],
    ['a token of another type (typ JWT)', () => sign({}, { typ: 'JWT' })],
    ['another issuer', () => sign({ iss: 'someone-else' })],
    ['another audience', () => sign({ aud: 'another-api' })],
    ['a refresh token used as an access token', async () => user.refreshToken],
    ['garbage', async () => 'not.a.jwt'],
  ])('refuses %s', async (_name, token) => {
    const res = await me(await token());
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses an access token used as a refresh token (401 INVALID_REFRESH_TOKEN)', async () => {
    const res = await refresh(server, user.accessToken.slice(0, 256));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
    const whole = await refresh(server, user.accessToken);
    expect(whole.status).toBe(401);
    expect(whole.body).toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
  });

  it('revokes the whole family on refresh token reuse: the newest token stops working too', async () => {
    const session = await signedInUser(server);
    const next = await refresh(server, session.refreshToken);
    expect(next.status).toBe(200);
    const reused = await refresh(server, session.refreshToken);
    expect(reused.body).toMatchObject({ code: 'REFRESH_TOKEN_REUSED' });
    const newest = await refresh(server, next.body.refreshToken);
    expect(newest.status).toBe(401);
  });

  it('refuses a malformed Authorization header', async () => {
    for (const header of [`Basic ${user.accessToken}`, `Bearer`, `Bearer  ${user.accessToken}`, user.accessToken]) {
      const res = await call(server, 'GET', '/api/auth/me', { headers: { authorization: header } });
      expect(res.status).toBe(401);
    }
  });
});

describe('authorization and input rules', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp();
  });

  afterAll(async () => {
    await server.close();
  });

  it('answers 403 FORBIDDEN to a user on an admin route, and does not change the account', async () => {
    const user = await signedInUser(server);
    const res = await call(server, 'PUT', `/api/admin/users/${user.userId}/roles`, { body: { roles: ['admin'] }, headers: bearer(user.accessToken) });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'FORBIDDEN' });
    const me = await call(server, 'GET', '/api/auth/me', { headers: bearer(user.accessToken) });
    expect(me.body).toMatchObject({ roles: ['user'] });
  });

  it.each([
    ['/api/auth/register', { email: 'x@example.com', password: 'Violet-Harbour-Lantern-93', displayName: 'X', isAdmin: true }],
    ['/api/auth/login', { email: 'x@example.com', password: 'whatever-password', remember: true }],
    ['/api/auth/refresh', { refreshToken: 'x', userId: 'someone' }],
    ['/api/auth/logout', { refreshToken: 'x', all: true }],
  ])('answers 400 VALIDATION_FAILED to an extra field on POST %s', async (path, body) => {
    const res = await call(server, 'POST', path, { body });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ message: 'is not allowed' })] });
  });

  it('answers 400 to an extra field on the admin route', async () => {
    const admin = await signedInUser(server);
    const token = await accessTokenFor(server, crypto.randomUUID(), ['admin']);
    const res = await call(server, 'PUT', `/api/admin/users/${admin.userId}/roles`, { body: { roles: ['user'], byAdminId: 'x' }, headers: bearer(token) });
    expect(res.status).toBe(400);
  });

  it('BOLA: one user\'s session cannot act on another\'s — me is always the caller, a refresh never changes the subject', async () => {
    const alice = await signedInUser(server);
    const bob = await signedInUser(server);
    const meAlice = await call<{ userId: string }>(server, 'GET', '/api/auth/me', { headers: bearer(alice.accessToken) });
    expect(meAlice.body.userId).toBe(alice.userId);
    const bobRefreshed = await refresh(server, bob.refreshToken);
    const meBob = await call<{ userId: string }>(server, 'GET', '/api/auth/me', { headers: bearer(bobRefreshed.body.accessToken) });
    expect(meBob.body.userId).toBe(bob.userId);
    // Logging out with Bob's family id but a secret that is not his leaves Bob signed in.
    const [bobFamily] = bobRefreshed.body.refreshToken.split('.');
    const [, aliceSecret] = alice.refreshToken.split('.');
    await call(server, 'POST', '/api/auth/logout', { body: { refreshToken: `${bobFamily}.${aliceSecret}` } });
    expect((await refresh(server, bobRefreshed.body.refreshToken)).status).toBe(200);
  });
});
