import { call, signedInUser } from '../../../../../test/security/accounts-client';
import { accessTokenFor, bearer } from '../../../../../test/support/auth';
import { startTestApp, TestApp } from '../../../../../test/support/test-app';

describe('GET /api/auth/me', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp();
  });

  afterAll(async () => {
    await server.close();
  });

  it('answers the caller\'s own account, without the password hash', async () => {
    const user = await signedInUser(server);
    const res = await call(server, 'GET', '/api/auth/me', { headers: bearer(user.accessToken) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ userId: user.userId, email: user.email, displayName: 'Ada Lovelace', roles: ['user'] });
  });

  it('answers 401 without a token', async () => {
    const res = await call(server, 'GET', '/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers 404 USER_NOT_FOUND for a valid token of an account that does not exist', async () => {
    const token = await accessTokenFor(server, crypto.randomUUID());
    const res = await call(server, 'GET', '/api/auth/me', { headers: bearer(token) });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'USER_NOT_FOUND' });
  });
});
