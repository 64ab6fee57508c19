import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { call, GOOD_PASSWORD, uniqueEmail } from '../../../../../test/security/accounts-client';
import { startTestApp, TestApp } from '../../../../../test/support/test-app';

describe('POST /api/auth/register', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp();
  });

  afterAll(async () => {
    await server.close();
  });

  it('registers an account: 201 with the user id and the log position, in the body and X-Position', async () => {
    const res = await call<{ userId: string; position: string }>(server, 'POST', '/api/auth/register', {
      body: { email: uniqueEmail(), password: GOOD_PASSWORD, displayName: 'Ada' },
    });
    expect(res.status).toBe(201);
    expect(res.body.userId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.position).toMatch(/^\d+$/);
    expect(res.headers.get('x-position')).toBe(res.body.position);
  });

  it('gives role user whatever the client sends, and refuses a roles field', async () => {
    const res = await call(server, 'POST', '/api/auth/register', {
      body: { email: uniqueEmail(), password: GOOD_PASSWORD, displayName: 'Eve', roles: ['admin'] },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'roles', message: 'is not allowed' }] });
  });

  it('answers 409 EMAIL_TAKEN for an address already registered, in any spelling', async () => {
    const email = uniqueEmail();
    await call(server, 'POST', '/api/auth/register', { body: { email, password: GOOD_PASSWORD, displayName: 'Ada' } });
    const again = await call(server, 'POST', '/api/auth/register', {
      body: { email: `  ${email.toUpperCase()} `, password: GOOD_PASSWORD, displayName: 'Ada again' },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'EMAIL_TAKEN' });
  });

  it('lets exactly one of 10 concurrent registrations of one e-mail succeed, and logs one account', async () => {
    const email = uniqueEmail('race');
    const store = server.app.get(EventStore);
    const before = await store.headPosition();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(server, 'POST', '/api/auth/register', { body: { email, password: GOOD_PASSWORD, displayName: `Racer ${i}` } }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    const registered = [];
    for await (const event of store.readAll({ after: before, filter: { eventTypes: ['account.registered.v1', 'email.reserved.v1'] } })) {
      registered.push(event.type);
    }
    expect(registered.sort()).toEqual(['account.registered.v1', 'email.reserved.v1']);
  });

  it('refuses a common password with 400 and the reason on the password field, appending nothing', async () => {
    const store = server.app.get(EventStore);
    const before = await store.headPosition();
    const res = await call(server, 'POST', '/api/auth/register', {
      body: { email: uniqueEmail(), password: 'password123456', displayName: 'Ada' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'password', message: expect.stringMatching(/common/) }] });
    expect(await store.headPosition()).toBe(before);
  });

  it('refuses a short password and a malformed e-mail with 400', async () => {
    const short = await call(server, 'POST', '/api/auth/register', { body: { email: uniqueEmail(), password: 'short', displayName: 'Ada' } });
    expect(short.status).toBe(400);
    const malformed = await call(server, 'POST', '/api/auth/register', { body: { email: 'not-an-email', password: GOOD_PASSWORD, displayName: 'Ada' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ errors: [expect.objectContaining({ field: 'email' })] });
  });

  it('answers a retried request with the same Idempotency-Key with the same account', async () => {
    const body = { email: uniqueEmail(), password: GOOD_PASSWORD, displayName: 'Ada' };
    const headers = { 'idempotency-key': `reg-${body.email}` };
    const first = await call<{ userId: string }>(server, 'POST', '/api/auth/register', { body, headers });
    const second = await call<{ userId: string }>(server, 'POST', '/api/auth/register', { body, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.userId).toBe(first.body.userId);
  });
});
