import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { call, refresh, register, signedInUser } from '../../../../../test/security/accounts-client';
import { accessTokenFor, bearer } from '../../../../../test/support/auth';
import { startTestApp, TestApp } from '../../../../../test/support/test-app';

describe('PUT /api/admin/users/{userId}/roles', () => {
  let server: TestApp;
  let admin: string;
  const adminId = crypto.randomUUID();

  beforeAll(async () => {
    server = await startTestApp();
    admin = await accessTokenFor(server, adminId, ['user', 'admin']);
  });

  afterAll(async () => {
    await server.close();
  });

  it('sets the roles (200, canonical order) and records which admin did it', async () => {
    const { userId } = await register(server);
    const res = await call<{ userId: string; roles: string[]; position: string }>(server, 'PUT', `/api/admin/users/${userId}/roles`, {
      body: { roles: ['admin', 'staff', 'user'] },
      headers: bearer(admin),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userId, roles: ['user', 'staff', 'admin'] });
    expect(res.headers.get('x-position')).toBe(res.body.position);
    const events = await server.app.get(EventStore).readStream(`account-${userId}`);
    expect(events.at(-1)).toMatchObject({ type: 'account.roles-changed.v1', data: { byAdminId: adminId }, metadata: { actorId: adminId } });
  });

  it('appends nothing when the roles are already those', async () => {
    const { userId } = await register(server);
    const store = server.app.get(EventStore);
    const before = await store.headPosition();
    const res = await call(server, 'PUT', `/api/admin/users/${userId}/roles`, { body: { roles: ['user'] }, headers: bearer(admin) });
    expect(res.status).toBe(200);
    expect(await store.headPosition()).toBe(before);
  });

  it('answers 404 USER_NOT_FOUND for an unknown user and 400 for an id that is not a UUID', async () => {
    const unknown = await call(server, 'PUT', `/api/admin/users/${crypto.randomUUID()}/roles`, { body: { roles: ['user'] }, headers: bearer(admin) });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'USER_NOT_FOUND' });
    const bad = await call(server, 'PUT', '/api/admin/users/not-a-uuid/roles', { body: { roles: ['user'] }, headers: bearer(admin) });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'userId', message: 'must be a UUID' }] });
  });

  it('refuses unknown, repeated or no roles with 400', async () => {
    const { userId } = await register(server);
    for (const roles of [['root'], ['user', 'user'], [], 'admin']) {
      const res = await call(server, 'PUT', `/api/admin/users/${userId}/roles`, { body: { roles }, headers: bearer(admin) });
      expect(res.status).toBe(400);
    }
  });

  it('answers 403 to a user and a staff member, 401 without a token', async () => {
    const user = await signedInUser(server);
    const staff = await accessTokenFor(server, crypto.randomUUID(), ['staff']);
    for (const token of [user.accessToken, staff]) {
      const res = await call(server, 'PUT', `/api/admin/users/${user.userId}/roles`, { body: { roles: ['admin'] }, headers: bearer(token) });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await call(server, 'PUT', `/api/admin/users/${user.userId}/roles`, { body: { roles: ['admin'] } })).status).toBe(401);
  });

  it('ends the access tokens of a demoted staff member at once: the old token fails the staff route before any refresh', async () => {
    const member = await signedInUser(server);
    const setRoles = (roles: string[]) => call(server, 'PUT', `/api/admin/users/${member.userId}/roles`, { body: { roles }, headers: bearer(admin) });
    const checkIn = (token: string) => call(server, 'POST', '/api/checkins', { body: { code: 'not-a-ticket-code' }, headers: bearer(token) });
    expect((await setRoles(['user', 'staff'])).status).toBe(200);
    const staff = (await refresh(server, member.refreshToken)).body;
    expect((await checkIn(staff.accessToken)).status).toBe(404); // past the guard: the code is judged

    expect((await setRoles(['user'])).status).toBe(200);
    const old = await checkIn(staff.accessToken);
    expect(old.status).toBe(401);
    expect(old.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await call(server, 'GET', '/api/auth/me', { headers: bearer(staff.accessToken) })).status).toBe(401);

    // The session goes on: its next refresh carries the new roles, and passes where they allow.
    const demoted = (await refresh(server, staff.refreshToken)).body;
    expect((await checkIn(demoted.accessToken)).status).toBe(403);
    expect((await call(server, 'GET', '/api/auth/me', { headers: bearer(demoted.accessToken) })).status).toBe(200);
  });

  it('ends an admin\'s tokens on the query side too when the admin role is taken away', async () => {
    const member = await signedInUser(server);
    expect((await call(server, 'PUT', `/api/admin/users/${member.userId}/roles`, { body: { roles: ['user', 'admin'] }, headers: bearer(admin) })).status).toBe(200);
    const promoted = (await refresh(server, member.refreshToken)).body;
    const audit = (token: string) => call(server, 'GET', `/api/audit/streams/account-${member.userId}`, { headers: bearer(token) });
    expect((await audit(promoted.accessToken)).status).toBe(200);
    expect((await call(server, 'PUT', `/api/admin/users/${member.userId}/roles`, { body: { roles: ['user'] }, headers: bearer(admin) })).status).toBe(200);
    expect((await audit(promoted.accessToken)).status).toBe(401);
  });
});
