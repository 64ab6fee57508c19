import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { Argon2PasswordHasher } from '@tessera/platform/security/password-hasher';
import { Clock } from '@tessera/platform/time/clock';
import { call, GOOD_PASSWORD, login, register, uniqueEmail } from '../../../../test/security/accounts-client';
import { bearer } from '../../../../test/support/auth';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { ensureAdmin } from './ensure-admin';

const ADMIN_PASSWORD = 'Quartz-Meadow-Falcon-2031';

describe('the first admin from ADMIN_EMAIL / ADMIN_PASSWORD', () => {
  let server: TestApp;
  const adminEmail = uniqueEmail('admin');

  beforeAll(async () => {
    server = await startTestApp({ env: { ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD } });
  });

  afterAll(async () => {
    await server.close();
  });

  it('exists once the server is up and can sign in as admin', async () => {
    const session = await login(server, adminEmail, ADMIN_PASSWORD);
    const me = await call(server, 'GET', '/api/auth/me', { headers: bearer(session.accessToken) });
    expect(me.body).toMatchObject({ email: adminEmail, roles: ['user', 'admin'] });
    const { userId } = await register(server);
    const promoted = await call(server, 'PUT', `/api/admin/users/${userId}/roles`, { body: { roles: ['staff'] }, headers: bearer(session.accessToken) });
    expect(promoted.status).toBe(200);
  });

  it('is idempotent across restarts and safe when several starts race: one account, one reservation', async () => {
    const store = server.app.get(EventStore);
    const deps = { store, hasher: new Argon2PasswordHasher(), clock: server.app.get(Clock) };
    const email = uniqueEmail('racing-admin');
    const outcomes = await Promise.all([1, 2, 3].map(() => ensureAdmin(deps, email, ADMIN_PASSWORD)));
    expect(outcomes.filter((o) => o === 'created').length).toBeGreaterThanOrEqual(1);
    expect(outcomes.every((o) => o === 'created' || o === 'exists')).toBe(true);
    expect(await ensureAdmin(deps, email, ADMIN_PASSWORD)).toBe('exists');
    const registered = [];
    for await (const event of store.readAll({ filter: { eventTypes: ['account.registered.v1'] } })) {
      if ((event.data as { email: string }).email === email) registered.push(event);
    }
    expect(registered).toHaveLength(1);
    expect((await call(server, 'POST', '/api/auth/login', { body: { email, password: ADMIN_PASSWORD } })).status).toBe(200);
  });

  it('does not promote an account that registered the address first', async () => {
    const deps = { store: server.app.get(EventStore), hasher: new Argon2PasswordHasher(), clock: server.app.get(Clock) };
    const { email } = await register(server);
    expect(await ensureAdmin(deps, email, GOOD_PASSWORD)).toBe('exists-without-admin-role');
    const session = await login(server, email);
    const me = await call(server, 'GET', '/api/auth/me', { headers: bearer(session.accessToken) });
    expect(me.body).toMatchObject({ roles: ['user'] });
  });

  it('refuses a common ADMIN_PASSWORD', async () => {
    const deps = { store: server.app.get(EventStore), hasher: new Argon2PasswordHasher(), clock: server.app.get(Clock) };
    await expect(ensureAdmin(deps, uniqueEmail('weak'), 'password123456')).rejects.toThrow(/ADMIN_PASSWORD/);
  });
});
