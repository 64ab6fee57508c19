import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { accessTokenFor, bearer } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { call, login, refresh, signedInUser } from './accounts-client';

/**
 * Role changes and sign-outs end access tokens at once, through token epochs kept in memory and
 * learnt from the log: they hold after a restart and reach every instance on the same log.
 */
const JWT_SECRET = 'token-epochs-test-secret-of-at-least-32-chars';

const checkIn = (server: TestApp, token: string) => call(server, 'POST', '/api/checkins', { body: { code: 'not-a-ticket-code' }, headers: bearer(token) });
const setRoles = async (server: TestApp, userId: string, roles: string[]) => {
  const admin = await accessTokenFor(server, crypto.randomUUID(), ['user', 'admin']);
  const res = await call(server, 'PUT', `/api/admin/users/${userId}/roles`, { body: { roles }, headers: bearer(admin) });
  if (res.status !== 200) throw new Error(`roles answered ${res.status}`);
};
/** A signed-in staff member's session. */
const staffSession = async (server: TestApp) => {
  const member = await signedInUser(server);
  await setRoles(server, member.userId, ['user', 'staff']);
  return { ...member, ...(await login(server, member.email)) };
};

describe('token epochs after a restart', () => {
  let dataDir: string;
  let server: TestApp;

  beforeAll(async () => {
    dataDir = await makeTempDir('token-epochs');
  });

  afterAll(async () => {
    await server?.close();
    await removeDir(dataDir);
  });

  it('still refuses the tokens a demotion and a sign-out ended, and honours those issued since', async () => {
    server = await startTestApp({ dataDir, env: { JWT_SECRET } });
    const demoted = await staffSession(server);
    const signedOut = await staffSession(server);
    const keeps = await staffSession(server);
    await setRoles(server, demoted.userId, ['user']);
    expect((await call(server, 'POST', '/api/auth/logout', { body: { refreshToken: signedOut.refreshToken } })).status).toBe(204);
    const fresh = (await refresh(server, demoted.refreshToken)).body;
    await server.close({ keepData: true });

    server = await startTestApp({ dataDir, env: { JWT_SECRET } });
    expect((await checkIn(server, demoted.accessToken)).status).toBe(401);
    expect((await checkIn(server, signedOut.accessToken)).status).toBe(401);
    expect((await checkIn(server, keeps.accessToken)).status).toBe(404);
    expect((await checkIn(server, fresh.accessToken)).status).toBe(403); // a valid token, now without staff
    expect((await call(server, 'GET', '/api/auth/me', { headers: bearer(fresh.accessToken) })).status).toBe(200);
  });
});

describe('token epochs across two instances on one log', () => {
  let dataDir: string;
  let log: EmbeddedEventStore;
  let writer: TestApp;
  let reader: TestApp;

  beforeAll(async () => {
    dataDir = await makeTempDir('token-epochs-shared');
    log = await EmbeddedEventStore.open({ dataDir });
    [writer, reader] = await Promise.all([1, 2].map(() => startTestApp({ env: { JWT_SECRET }, overrides: { eventStore: log } })));
  });

  afterAll(async () => {
    await Promise.all([writer?.close(), reader?.close()]);
    await log.close();
    await removeDir(dataDir);
  });

  /** The other instance hears of it through its subscription, a moment later. */
  const eventually = async (check: () => Promise<boolean>): Promise<boolean> => {
    for (let i = 0; i < 100; i++) {
      if (await check()) return true;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return false;
  };

  it('ends, on the other instance, the tokens a demotion or a sign-out on this one ended', async () => {
    const demoted = await staffSession(writer);
    const signedOut = await staffSession(writer);
    expect((await checkIn(reader, demoted.accessToken)).status).toBe(404);
    expect((await checkIn(reader, signedOut.accessToken)).status).toBe(404);

    await setRoles(writer, demoted.userId, ['user']);
    expect((await call(writer, 'POST', '/api/auth/logout', { body: { refreshToken: signedOut.refreshToken } })).status).toBe(204);
    expect(await eventually(async () => (await checkIn(reader, demoted.accessToken)).status === 401)).toBe(true);
    expect(await eventually(async () => (await checkIn(reader, signedOut.accessToken)).status === 401)).toBe(true);
    // A token issued after the change passes on both.
    const again = await login(writer, signedOut.email);
    expect((await checkIn(reader, again.accessToken)).status).toBe(404);
  });
});
