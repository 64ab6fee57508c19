import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { IDEMPOTENCY_COLLECTION } from '@tessera/platform/http/idempotency.interceptor';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { startTestApp, TestApp } from '../support/test-app';
import { call, GOOD_PASSWORD, register, uniqueEmail } from './accounts-client';

describe('Idempotency-Key', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp();
  });
  afterAll(async () => {
    await server.close();
  });

  const registration = (email: string) => ({ email, password: GOOD_PASSWORD, displayName: 'Fan' });

  it('answers a retried POST with the first answer and writes nothing more', async () => {
    const body = registration(uniqueEmail());
    const first = await call(server, 'POST', '/api/auth/register', { body, headers: { 'idempotency-key': 'signup-1' } });
    expect(first.status).toBe(201);
    const head = await server.app.get(EventStore).headPosition();
    const again = await call(server, 'POST', '/api/auth/register', { body, headers: { 'idempotency-key': 'signup-1' } });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('x-position')).toBe(first.headers.get('x-position'));
    expect(await server.app.get(EventStore).headPosition()).toBe(head);
  });

  it('refuses the same key with another body: 422 IDEMPOTENCY_KEY_REUSED', async () => {
    await call(server, 'POST', '/api/auth/register', { body: registration(uniqueEmail()), headers: { 'idempotency-key': 'signup-2' } });
    const other = await call(server, 'POST', '/api/auth/register', { body: registration(uniqueEmail()), headers: { 'idempotency-key': 'signup-2' } });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('refuses a key longer than 200 characters with 400, changing nothing', async () => {
    const head = await server.app.get(EventStore).headPosition();
    const res = await call(server, 'POST', '/api/auth/register', { body: registration(uniqueEmail()), headers: { 'idempotency-key': 'k'.repeat(201) } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await server.app.get(EventStore).headPosition()).toBe(head);
  });

  it('never stores a credential: login with a key mints a fresh session and keeps no token at rest', async () => {
    const email = uniqueEmail();
    await register(server, email);
    const headers = { 'idempotency-key': 'login-1' };
    const first = await call<{ refreshToken: string; accessToken: string }>(server, 'POST', '/api/auth/login', { body: { email, password: GOOD_PASSWORD }, headers });
    const second = await call<{ refreshToken: string }>(server, 'POST', '/api/auth/login', { body: { email, password: GOOD_PASSWORD }, headers });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
    const stored = JSON.stringify(await server.app.get(ReadStore).collection(IDEMPOTENCY_COLLECTION).find({}));
    expect(stored).not.toContain(first.body.refreshToken);
    expect(stored).not.toContain(first.body.accessToken);
  });
});
