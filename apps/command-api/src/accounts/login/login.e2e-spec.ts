import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { TokenService } from '@tessera/platform/security/token-service';
import { call, GOOD_PASSWORD, register, uniqueEmail } from '../../../../../test/security/accounts-client';
import { startTestApp, TestApp } from '../../../../../test/support/test-app';

describe('POST /api/auth/login', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp();
  });

  afterAll(async () => {
    await server.close();
  });

  it('answers an access token with the account roles and a refresh token, and starts a refresh family', async () => {
    const { userId, email } = await register(server);
    const res = await call<{ accessToken: string; refreshToken: string; tokenType: string; expiresIn: number; position: string }>(
      server, 'POST', '/api/auth/login', { body: { email: email.toUpperCase(), password: GOOD_PASSWORD } },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(res.headers.get('x-position')).toBe(res.body.position);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const principal = await server.app.get(TokenService).verifyAccessToken(res.body.accessToken);
    expect(principal).toMatchObject({ userId, roles: ['user'] });
    const familyId = res.body.refreshToken.split('.')[0];
    const family = await server.app.get(EventStore).readStream(`refresh-family-${familyId}`);
    expect(family.map((e) => e.type)).toEqual(['refresh.family-started.v1']);
    // Only the hash is stored, never the token.
    expect(JSON.stringify(family)).not.toContain(res.body.refreshToken.split('.')[1]);
  });

  it('answers the same 401 INVALID_CREDENTIALS for a wrong password and an unknown e-mail', async () => {
    const { email } = await register(server);
    const wrong = await call(server, 'POST', '/api/auth/login', { body: { email, password: 'Not-The-Password-77' } });
    const unknown = await call(server, 'POST', '/api/auth/login', { body: { email: uniqueEmail(), password: GOOD_PASSWORD } });
    const malformed = await call(server, 'POST', '/api/auth/login', { body: { email: 'no at sign', password: 'x' } });
    for (const res of [wrong, unknown, malformed]) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'INVALID_CREDENTIALS', detail: 'The e-mail or password is not correct.' });
    }
  });

  it('spends comparable time on an unknown e-mail and on a wrong password (a dummy hash is verified)', async () => {
    const { email } = await register(server);
    const time = async (body: object): Promise<number> => {
      const started = process.hrtime.bigint();
      await call(server, 'POST', '/api/auth/login', { body });
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    await time({ email: uniqueEmail(), password: 'warm-up-the-dummy-hash' });
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 9; i++) {
      known.push(await time({ email, password: 'Wrong-Password-123' }));
      unknown.push(await time({ email: uniqueEmail(), password: 'Wrong-Password-123' }));
    }
    // Both pay one argon2id verification (tens of ms); without the dummy hash the unknown case would be ~1 ms.
    expect(median(unknown)).toBeGreaterThan(median(known) / 3);
  });
});
