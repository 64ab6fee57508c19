import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { IDEMPOTENCY_COLLECTION, isIdempotent } from '@tessera/platform/http/idempotency.interceptor';
import { discoverRouteHandlers } from '@tessera/platform/http/route-table';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { createShow, GOOD_CARD, ManualClock } from '../box-office/box-office-client';
import { accessTokenFor } from '../support/auth';
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

  it('is bound to every POST route of the app, and to no other route', () => {
    // Bound per route (@Idempotent()), not globally: a route without interceptors skips Nest's
    // rxjs chain. A POST route added without it would silently lose its retries' safety.
    const routes = discoverRouteHandlers(server.app);
    const posts = routes.filter((route) => route.method === 'POST');
    expect(posts.length).toBeGreaterThan(15);
    expect(posts.filter((route) => !isIdempotent(route.handler, route.controller)).map((route) => route.path)).toEqual([]);
    expect(routes.filter((route) => route.method !== 'POST' && isIdempotent(route.handler, route.controller)).map((route) => `${route.method} ${route.path}`)).toEqual([]);
  });

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

describe('Idempotency-Key replay of a payment', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp();
  });
  afterAll(async () => {
    await server.close();
  });

  const raw = async (path: string, token: string, body: unknown, key: string) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });
    return { status: res.status, text: await res.text(), headers: res.headers };
  };

  it('answers a retried payment with the very same bytes, signed ticket codes included', async () => {
    const admin = await accessTokenFor(server, 'admin-idem', ['admin']);
    const fan = await accessTokenFor(server, 'fan-idem');
    const showId = await createShow(server.url, admin);
    const held = await raw('/api/bookings', fan, { showId, seats: ['A-1-1', 'A-1-2'] }, 'hold-1');
    expect(held.status).toBe(201);
    const { bookingId } = JSON.parse(held.text) as { bookingId: string };
    const first = await raw(`/api/bookings/${bookingId}/payment`, fan, { card: GOOD_CARD }, 'pay-1');
    expect(first.status).toBe(200);
    expect((JSON.parse(first.text) as { tickets: { code: string }[] }).tickets).toHaveLength(2);
    const head = await server.app.get(EventStore).headPosition();

    const again = await raw(`/api/bookings/${bookingId}/payment`, fan, { card: GOOD_CARD }, 'pay-1');
    const heldAgain = await raw('/api/bookings', fan, { showId, seats: ['A-1-1', 'A-1-2'] }, 'hold-1');

    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(again.headers.get('x-position')).toBe(first.headers.get('x-position'));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(heldAgain.status).toBe(201);
    expect(heldAgain.text).toBe(held.text);
    expect(await server.app.get(EventStore).headPosition()).toBe(head);
  });
});

describe('Idempotency-Key retention', () => {
  let server: TestApp;
  let clock: ManualClock;
  const HOUR = 60 * 60 * 1000;

  beforeAll(async () => {
    clock = new ManualClock();
    server = await startTestApp({ overrides: { clock } });
  });
  afterAll(async () => {
    await server.close();
  });

  const signUp = async (key: string) => {
    const res = await call(server, 'POST', '/api/auth/register', {
      body: { email: uniqueEmail(), password: GOOD_PASSWORD, displayName: 'Fan' },
      headers: { 'idempotency-key': key },
    });
    expect(res.status).toBe(201);
  };
  const storedTimes = async () =>
    (await server.app.get(ReadStore).collection(IDEMPOTENCY_COLLECTION).find({}, { sort: { createdAt: 1 } })).map((record) => record.createdAt);

  it('purges the records older than 24 hours, even when their key never comes again', async () => {
    const start = clock.now().getTime();
    await signUp('kept-a-day');
    clock.advance(23 * HOUR);
    await signUp('younger');
    clock.advance(2 * HOUR);
    await signUp('newest');
    const iso = (ms: number) => new Date(ms).toISOString();
    const expected = [iso(start + 23 * HOUR), iso(start + 25 * HOUR)];
    // The sweep runs beside the request that starts it: wait for it, within a bound.
    for (let i = 0; i < 100 && (await storedTimes()).length !== expected.length; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await storedTimes()).toEqual(expected);
  });
});
