import { randomUUID } from 'node:crypto';
import { describeWithService } from '@tessera/platform/testing/services';
import { startTestApp, TestApp } from '../support/test-app';
import { call, GOOD_PASSWORD, login, refresh, register, uniqueEmail } from './accounts-client';

const attempt = (server: TestApp, email: string, password = 'Wrong-Guess-000') =>
  call(server, 'POST', '/api/auth/login', { body: { email, password } });

describe('rate limits (429 RATE_LIMITED with Retry-After)', () => {
  describe('login', () => {
    let server: TestApp;

    beforeAll(async () => {
      server = await startTestApp({ env: { RATE_LIMIT_LOGIN_PER_ACCOUNT: '3', RATE_LIMIT_LOGIN_PER_IP: '8' } });
    });

    afterAll(async () => {
      await server.close();
    });

    it('stops brute force on one account, even with the right password, while other accounts still sign in', async () => {
      const victim = await register(server);
      const other = await register(server);
      for (let i = 0; i < 3; i++) expect((await attempt(server, victim.email)).status).toBe(401);
      const blocked = await attempt(server, victim.email.toUpperCase(), GOOD_PASSWORD);
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(blocked.body).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
      const retryAfter = Number(blocked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect((await attempt(server, other.email, GOOD_PASSWORD)).status).toBe(200);
    });

    it('stops password spraying from one IP over many accounts', async () => {
      // 4 attempts so far in this window from 127.0.0.1 (the other test); the IP limit is 8.
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await attempt(server, uniqueEmail('spray'))).status);
      expect(statuses).toContain(429);
      expect(statuses.indexOf(429)).toBeGreaterThan(0);
    });
  });

  describe('refresh', () => {
    let server: TestApp;

    beforeAll(async () => {
      server = await startTestApp({ env: { RATE_LIMIT_REFRESH_PER_FAMILY: '2', REFRESH_REUSE_GRACE_MS: '0' } });
    });

    afterAll(async () => {
      await server.close();
    });

    it('limits refreshes per token family, not for other sessions', async () => {
      const { email } = await register(server);
      let session = await login(server, email);
      const other = await login(server, email);
      for (let i = 0; i < 2; i++) {
        const res = await refresh(server, session.refreshToken);
        expect(res.status).toBe(200);
        session = res.body;
      }
      const blocked = await refresh(server, session.refreshToken);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await refresh(server, other.refreshToken)).status).toBe(200);
    });
  });

  describe('global per IP', () => {
    let server: TestApp;

    beforeAll(async () => {
      server = await startTestApp({ env: { RATE_LIMIT_GLOBAL_PER_IP: '5' } });
    });

    afterAll(async () => {
      await server.close();
    });

    it('limits every route, across routes', async () => {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await call(server, 'GET', '/health/live')).status);
      for (let i = 0; i < 3; i++) statuses.push((await call(server, 'GET', '/api/auth/me')).status);
      expect(statuses).toEqual([200, 200, 200, 401, 401, 429]);
    });
  });
});

describeWithService('redis', 'rate-limit counters shared through Redis', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    const env = {
      REDIS_URLS: 'redis://127.0.0.1:6379',
      RATE_LIMIT_KEY_PREFIX: `tessera-test:${randomUUID()}:`,
      RATE_LIMIT_LOGIN_PER_ACCOUNT: '4',
    };
    [first, second] = await Promise.all([startTestApp({ env }), startTestApp({ env })]);
  });

  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  it('counts attempts on one server against the limit on another', async () => {
    const email = uniqueEmail('shared');
    for (const server of [first, second, first, second]) expect((await attempt(server, email)).status).toBe(401);
    expect((await attempt(first, email)).status).toBe(429);
    expect((await attempt(second, email)).status).toBe(429);
  });
});

describe('the client address behind proxies (TRUST_PROXY)', () => {
  const spoofed = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
  const health = (server: TestApp, forwardedFor: string) =>
    call(server, 'GET', '/health/live', { headers: { 'x-forwarded-for': forwardedFor } });

  describe('without TRUST_PROXY (the default)', () => {
    let server: TestApp;

    beforeAll(async () => {
      server = await startTestApp({ env: { RATE_LIMIT_GLOBAL_PER_IP: '4', RATE_LIMIT_LOGIN_PER_IP: '3', RATE_LIMIT_LOGIN_PER_ACCOUNT: '0' } });
    });

    afterAll(async () => {
      await server.close();
    });

    it('ignores X-Forwarded-For: a client writing a new address into it on every request still hits its own per-IP limit', async () => {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await health(server, spoofed())).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
    });
  });

  describe('without TRUST_PROXY, on login', () => {
    let server: TestApp;

    beforeAll(async () => {
      server = await startTestApp({ env: { RATE_LIMIT_LOGIN_PER_IP: '3', RATE_LIMIT_LOGIN_PER_ACCOUNT: '0' } });
    });

    afterAll(async () => {
      await server.close();
    });

    it('counts spoofed logins against the login limit of the real address', async () => {
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await call(server, 'POST', '/api/auth/login', { body: { email: uniqueEmail('spoof'), password: 'Wrong-Guess-000' }, headers: { 'x-forwarded-for': spoofed() } })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    });
  });

  describe('with TRUST_PROXY=127.0.0.1 (the test client plays the proxy)', () => {
    let server: TestApp;

    beforeAll(async () => {
      server = await startTestApp({ env: { TRUST_PROXY: '127.0.0.1', RATE_LIMIT_GLOBAL_PER_IP: '3' } });
    });

    afterAll(async () => {
      await server.close();
    });

    it('counts each forwarded client on its own, by the right-most address the trusted proxy did not send', async () => {
      const first = '203.0.113.10';
      // A client wrote a made-up address; the proxy appended the real one: only the real one counts.
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await health(server, `${spoofed()}, ${first}`)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect((await health(server, '203.0.113.11')).status).toBe(200);
      // A chain of trusted hops is skipped: the client is the first untrusted address from the right.
      expect((await health(server, `${first}, 127.0.0.1`)).status).toBe(429);
    });
  });
});

describe('a stranger cannot lock the owner out (per account and address, with a per-account ceiling)', () => {
  const from = (server: TestApp, address: string, email: string, password = 'Wrong-Guess-000') =>
    call(server, 'POST', '/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': address } });

  describe('with the default limits', () => {
    let server: TestApp;

    beforeAll(async () => {
      server = await startTestApp({ env: { TRUST_PROXY: '127.0.0.1' } });
    });

    afterAll(async () => {
      await server.close();
    });

    it('blocks the attacker at address A after 10 wrong passwords, even with the right one, while the owner at B signs in', async () => {
      const victim = await register(server);
      const attacker = '203.0.113.66';
      const statuses = [];
      for (let i = 0; i < 12; i++) statuses.push((await from(server, attacker, victim.email)).status);
      expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
      expect((await from(server, attacker, victim.email, GOOD_PASSWORD)).status).toBe(429);
      expect((await from(server, '198.51.100.7', victim.email, GOOD_PASSWORD)).status).toBe(200);
    });
  });

  describe('with a per-account ceiling of 6 over all addresses', () => {
    let server: TestApp;

    beforeAll(async () => {
      server = await startTestApp({ env: { TRUST_PROXY: '127.0.0.1', RATE_LIMIT_LOGIN_PER_ACCOUNT: '6', RATE_LIMIT_LOGIN_PER_ACCOUNT_IP: '3' } });
    });

    afterAll(async () => {
      await server.close();
    });

    it('still stops a distributed attack: attempts from many addresses, each under its own limit, add up to the ceiling', async () => {
      const victim = await register(server);
      const other = await register(server);
      const statuses = [];
      for (let i = 1; i <= 7; i++) statuses.push((await from(server, `203.0.113.${i}`, victim.email)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
      expect((await from(server, '198.51.100.200', victim.email, GOOD_PASSWORD)).status).toBe(429);
      // Only that account: another one at the same addresses is untouched.
      expect((await from(server, '203.0.113.1', other.email, GOOD_PASSWORD)).status).toBe(200);
    });
  });
});
