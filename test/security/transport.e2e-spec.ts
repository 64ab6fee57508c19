import { randomUUID } from 'node:crypto';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { showBody } from '../box-office/box-office-client';
import { accessTokenFor, bearer } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { call, GOOD_PASSWORD, uniqueEmail } from './accounts-client';

/**
 * The transport rules of API.md (Operations), each from a reproduction of issue 10: what used to
 * answer 500, 201 or 404 answers the stated 4xx, and the event log is left as it was.
 */
describe('transport rules', () => {
  let server: TestApp;
  let store: EventStore;
  let admin: Record<string, string>;
  let user: Record<string, string>;

  beforeAll(async () => {
    server = await startTestApp();
    store = server.app.get(EventStore);
    admin = bearer(await accessTokenFor(server, randomUUID(), ['admin']));
    user = bearer(await accessTokenFor(server, randomUUID(), ['user']));
  });

  afterAll(async () => {
    await server.close();
  });

  /** Sends a request and checks that it answered this 4xx problem and changed nothing. */
  const refused = async (status: number, code: string, ...args: Parameters<typeof call>) => {
    const before = await store.headPosition();
    const res = await call(...args);
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    // Refused before the request logger runs, it still carries its correlation id.
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
    // And the security headers (helmet's, set by the edge's first hook).
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await store.headPosition()).toBe(before);
    return res;
  };

  const registerBody = () => ({ email: uniqueEmail(), password: GOOD_PASSWORD, displayName: 'Ada' });

  describe('lone UTF-16 surrogates: 400, not a URIError 500', () => {
    it('in the e-mail on register', async () => {
      const raw = JSON.stringify(registerBody()).replace('@example.com', '\\ud800@example.com');
      const res = await refused(400, 'VALIDATION_FAILED', server, 'POST', '/api/auth/register', { rawBody: raw });
      expect(res.body.errors).toEqual([{ field: 'email', message: 'contains a lone UTF-16 surrogate' }]);
    });

    it('in toEmail on transfer', async () => {
      await refused(400, 'VALIDATION_FAILED', server, 'POST', `/api/tickets/${randomUUID()}/transfer`, {
        rawBody: '{"toEmail":"friend\\udc00@example.com"}',
        headers: user,
      });
    });
  });

  it('refuses JSON nested 50,000 levels deep with 400 on every kind of POST', async () => {
    const deep = `{"email":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    await refused(400, 'VALIDATION_FAILED', server, 'POST', '/api/auth/register', { rawBody: deep });
    await refused(400, 'VALIDATION_FAILED', server, 'POST', '/api/shows', { rawBody: deep, headers: admin });
    const res = await refused(400, 'VALIDATION_FAILED', server, 'POST', '/api/bookings', { rawBody: deep, headers: user });
    expect(res.body.errors).toEqual([{ field: '(body)', message: 'is nested deeper than 32 levels' }]);
  });

  it.each(['__proto__', 'constructor', 'toString', 'prototype'])('refuses the key %s with 400 instead of 201', async (key) => {
    const raw = JSON.stringify(registerBody()).replace(/}$/, `,"${key}":{"roles":["admin"]}}`);
    const res = await refused(400, 'VALIDATION_FAILED', server, 'POST', '/api/auth/register', { rawBody: raw });
    expect(res.body.errors).toEqual([{ field: key, message: 'is not allowed' }]);
  });

  it('answers sections: [[]] on POST /api/shows with 400, not a TypeError 500', async () => {
    const res = await refused(400, 'VALIDATION_FAILED', server, 'POST', '/api/shows', { body: { ...showBody(), sections: [[]] }, headers: admin });
    expect(res.body.errors).toContainEqual({ field: 'sections[0]', message: 'must be an object' });
    await refused(400, 'VALIDATION_FAILED', server, 'POST', '/api/shows', { body: { ...showBody(), categories: [[1]] }, headers: admin });
  });

  describe('a body that is not application/json: 415', () => {
    it.each([
      ['form-encoded', 'application/x-www-form-urlencoded', 'email=a%40example.com&password=x&displayName=A'],
      ['text', 'text/plain', JSON.stringify({ email: 'a@example.com' })],
      ['multipart', 'multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\na@example.com\r\n--xyz--'],
      ['JSON in another charset', 'application/json; charset=iso-8859-1', JSON.stringify(registerBody())],
    ])('%s', async (_kind, contentType, rawBody) => {
      await refused(415, 'UNSUPPORTED_MEDIA_TYPE', server, 'POST', '/api/auth/register', { rawBody, headers: { 'content-type': contentType } });
    });

    it('a body without a Content-Type', async () => {
      const before = await store.headPosition();
      const res = await fetch(`${server.url}/api/auth/register`, { method: 'POST', body: new Blob([JSON.stringify(registerBody())]) });
      expect(res.status).toBe(415);
      expect(((await res.json()) as { code: string }).code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(await store.headPosition()).toBe(before);
    });

    it('still accepts a POST without a body', async () => {
      const res = await call(server, 'POST', `/api/shows/${randomUUID()}/publish`, { headers: admin });
      expect(res.status).toBe(404);
    });
  });

  it('says that a missing field is required, once per field', async () => {
    const res = await refused(400, 'VALIDATION_FAILED', server, 'POST', '/api/auth/register', { body: { email: uniqueEmail() } });
    expect(res.body.errors).toEqual([
      { field: 'password', message: 'is required' },
      { field: 'displayName', message: 'is required' },
    ]);
    const nested = await refused(400, 'VALIDATION_FAILED', server, 'POST', '/api/shows', {
      body: { ...showBody(), sections: [{ id: 'A', categoryId: 'vip', rows: [{ label: '1' }] }] },
      headers: admin,
    });
    expect(nested.body.errors).toEqual([
      { field: 'sections[0].name', message: 'is required' },
      { field: 'sections[0].rows[0].seats', message: 'is required' },
    ]);
  });

  describe('a known path with the wrong method: 405 with Allow', () => {
    it.each([
      ['GET', '/api/auth/register', 'POST'],
      ['DELETE', '/api/shows', 'GET, HEAD, POST'],
      ['PUT', `/api/shows/${randomUUID()}`, 'GET, HEAD'],
      ['POST', `/api/shows/${randomUUID()}/seats`, 'GET, HEAD'],
      ['GET', `/api/admin/users/${randomUUID()}/roles`, 'PUT'],
      ['POST', '/health', 'GET, HEAD'],
    ])('%s %s', async (method, path, allow) => {
      const res = await refused(405, 'METHOD_NOT_ALLOWED', server, method, path, { headers: admin });
      expect(res.headers.get('allow')).toBe(allow);
    });

    it('an unknown path stays 404', async () => {
      await refused(404, 'NOT_FOUND', server, 'DELETE', '/api/nothing-here', { headers: admin });
      await refused(404, 'NOT_FOUND', server, 'GET', '/api/auth/register/extra', { headers: admin });
    });

    it.each(['GET', 'PATCH', 'POST', 'DELETE'])('a path parameter over 2,048 characters is 404 NOT_FOUND on %s too, not 414', async (method) => {
      const long = 'a'.repeat(3000);
      const path = { GET: `/api/shows/${long}`, PATCH: `/api/incidents/${long}`, POST: `/api/bookings/${long}/cancel`, DELETE: `/api/shows/${randomUUID()}/waitlist/${long}` }[method] as string;
      const res = await refused(404, 'NOT_FOUND', server, method, path, { headers: admin, ...(method === 'PATCH' ? { body: { note: 'x' } } : {}) });
      expect(res.body.detail).toBe('No such resource.');
    });
  });

  describe('compression', () => {
    it('compresses a response over 1 KB for a client that accepts gzip or br, and not otherwise', async () => {
      const metrics = (encoding: string) => fetch(`${server.url}/metrics`, { headers: { 'accept-encoding': encoding } });
      const plain = await metrics('identity');
      const text = await plain.text();
      expect(text.length).toBeGreaterThan(1024);
      expect(plain.headers.get('content-encoding')).toBeNull();
      for (const encoding of ['gzip', 'br']) {
        const res = await metrics(encoding);
        expect(res.headers.get('content-encoding')).toBe(encoding);
        expect(res.headers.get('vary')).toMatch(/Accept-Encoding/i);
      }
    });

    it('leaves small responses alone', async () => {
      const res = await fetch(`${server.url}/health/live`, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.headers.get('content-encoding')).toBeNull();
    });
  });
});
