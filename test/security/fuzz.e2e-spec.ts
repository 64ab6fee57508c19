import { request } from 'node:http';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { parseJsonBody } from '@tessera/platform/http/json-body';
import { discoverRoutes, type HttpRoute } from '@tessera/platform/http/route-table';
import fc from 'fast-check';
import { accessTokenFor, bearer } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { nastyString, ROUTES, type FuzzRoute } from './routes';

/**
 * Property: whatever the body and path parameters, a route never answers 5xx, and when it
 * answers 4xx the event log is exactly as it was (a refused request changes nothing). Runs are
 * bounded per route so the suite stays fast; fast-check prints the seed and the shrunk
 * counterexample of a failure, replayable with FUZZ_SEED.
 */

const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

const paramValue: fc.Arbitrary<string> = fc.oneof(
  fc.uuid().map(String),
  nastyString.filter((s) => s.length > 0 && s.length < 1000).map(encodeURIComponent),
  fc.constantFrom('..', '%2e%2e', '%2F', 'null', '0', '-1', '1e309'),
);

const fillPath = (route: FuzzRoute): fc.Arbitrary<string> => {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  if (names.length === 0) return fc.constant(route.path);
  const values = names.map((name) => route.params?.[name]?.map(encodeURIComponent) ?? paramValue);
  return fc.tuple(...values).map((filled) => names.reduce((path, name, i) => path.replace(`{${name}}`, filled[i]), route.path));
};

/** A body as JSON, sometimes with an Idempotency-Key, sometimes not JSON at all. */
const requestOf = (route: FuzzRoute) =>
  fc.record({
    path: fillPath(route),
    body: route.body
      ? fc.oneof({ weight: 9, arbitrary: route.body.map((b) => JSON.stringify(b)) }, { weight: 1, arbitrary: fc.string({ maxLength: 50 }) })
      : fc.constant(undefined),
    idempotencyKey: fc.option(fc.string({ minLength: 0, maxLength: 250 }), { nil: undefined }),
  });

/** `/api/shows/{showId}/seats?section={section}` → `/api/shows/:showId/seats`, as Nest names it. */
const nestPathOf = (route: FuzzRoute): string => route.path.split('?')[0].replace(/\{(\w+)\}/g, ':$1');

const fuzzRouteOf = (route: HttpRoute): FuzzRoute | undefined =>
  ROUTES.find((candidate) => candidate.method === route.method && nestPathOf(candidate) === route.path);

/** A concrete path for a route, each parameter a fresh UUID. */
const concretePath = (route: HttpRoute): string => route.path.replace(/:\w+/g, () => crypto.randomUUID());

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: { code?: string; errors?: { field: string; message: string }[] };
}

/** node:http rather than fetch: fetch refuses a body on GET, and the rules hold for every method. */
const send = (url: string, method: string, headers: Record<string, string>, body?: string): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    const req = request(url, { method, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        let parsed: RawAnswer['body'] = {};
        try {
          parsed = JSON.parse(text) as RawAnswer['body'];
        } catch {
          // not JSON: the assertions on code say so
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });

/** Every path to a string inside a JSON value, as [path, setter on a copy]. */
const stringLeaves = (value: unknown, path: (string | number)[] = []): (string | number)[][] => {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringLeaves(item, [...path, index]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...path, key]));
  return [];
};

const withLoneSurrogate = (value: unknown, path: (string | number)[]): unknown => {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  parent[last] = `${String(parent[last])}\ud800`;
  return copy;
};

const fieldName = (path: (string | number)[]): string =>
  path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${key}` : key), '');

/** Whether the transport rules pass a body (so that a surrogate put into it is the only fault). */
const acceptedAsJson = (text: string): boolean => {
  try {
    parseJsonBody(text);
    return true;
  } catch {
    return false;
  }
};

/**
 * Each string field the route's bodies have (nested ones included), with one body that has it:
 * putting a lone surrogate there must be the only fault, so bodies the rules refuse are left out.
 */
const stringFieldsOf = (route: FuzzRoute | undefined): [Record<string, unknown>, (string | number)[]][] => {
  if (!route?.body) return [];
  const fields = new Map<string, [Record<string, unknown>, (string | number)[]]>();
  for (const body of fc.sample(route.body, { numRuns: 200, seed: 10 })) {
    if (typeof body !== 'object' || body === null || Array.isArray(body) || !acceptedAsJson(JSON.stringify(body))) continue;
    // (An empty key has no name of its own to report.)
    for (const path of stringLeaves(body).filter((leaf) => !leaf.includes(''))) {
      // Array items count once: seats[0] stands for seats[n].
      const name = fieldName(path.map((key) => (typeof key === 'number' ? 0 : key)));
      if (!fields.has(name)) fields.set(name, [body as Record<string, unknown>, path]);
    }
  }
  return [...fields.values()];
};

const deepBody = `{"a":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;

describe('security fuzz: every route, any body and parameters', () => {
  let server: TestApp;
  let store: EventStore;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    // Limits high enough that the fuzz exercises the handlers rather than the rate limiter.
    server = await startTestApp({
      env: { RATE_LIMIT_LOGIN_PER_ACCOUNT: '100000', RATE_LIMIT_LOGIN_PER_ACCOUNT_IP: '100000', RATE_LIMIT_LOGIN_PER_IP: '100000', RATE_LIMIT_REFRESH_PER_FAMILY: '100000', RATE_LIMIT_REFRESH_PER_IP: '100000' },
    });
    store = server.app.get(EventStore);
    for (const role of ['user', 'staff', 'admin'] as const) tokens.set(role, await accessTokenFor(server, crypto.randomUUID(), [role]));
  });

  afterAll(async () => {
    await server.close();
  });

  it('lists every route of the app in routes.ts, so that each one is fuzzed', () => {
    const missing = discoverRoutes(server.app).filter((route) => !fuzzRouteOf(route));
    expect(missing.map((route) => `${route.method} ${route.path}`)).toEqual([]);
    const stale = ROUTES.filter((route) => !discoverRoutes(server.app).some((known) => known.method === route.method && known.path === nestPathOf(route)));
    expect(stale.map((route) => `${route.method} ${route.path}`)).toEqual([]);
  });

  /**
   * The transport rules (API.md, Operations) on every route the app serves, read from the app
   * itself: a new route is covered without being added anywhere. Each hostile request answers
   * its 4xx problem and leaves the event log where it was.
   */
  describe('transport rules on every route', () => {
    // Ten or so requests per route, one after another (each checks the log did not move): on a
    // loaded 2-core machine that is more than jest's 30 s once there are a hundred routes.
    const PER_ROUTE_TIMEOUT_MS = 180_000;
    const routes = () => discoverRoutes(server.app);
    const headersFor = (route: HttpRoute): Record<string, string> => {
      const auth = fuzzRouteOf(route)?.auth ?? 'admin';
      return auth === 'public' ? {} : bearer(tokens.get(auth) as string);
    };

    const expectRefused = async (route: HttpRoute, method: string, headers: Record<string, string>, body: string | undefined, status: number, code: string) => {
      const path = concretePath(route);
      const before = await store.headPosition();
      const res = await send(`${server.url}${path}`, method, headers, body);
      expect({ request: `${method} ${route.path}`, status: res.status, code: res.body.code }).toEqual({ request: `${method} ${route.path}`, status, code });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await store.headPosition()).toBe(before);
      return res;
    };

    it('JSON nested 50,000 levels deep: 400', async () => {
      for (const route of routes()) {
        await expectRefused(route, route.method, { ...headersFor(route), 'content-type': 'application/json' }, deepBody, 400, 'VALIDATION_FAILED');
      }
    }, PER_ROUTE_TIMEOUT_MS);

    it('a key named after an Object.prototype member, at the top or nested: 400 naming it', async () => {
      for (const route of routes()) {
        for (const key of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']) {
          for (const [body, field] of [[`{"${key}":{"roles":["admin"]}}`, key], [`{"card":{"${key}":1}}`, `card.${key}`]]) {
            const res = await expectRefused(route, route.method, { ...headersFor(route), 'content-type': 'application/json' }, body, 400, 'VALIDATION_FAILED');
            expect(res.body.errors).toEqual([{ field, message: 'is not allowed' }]);
          }
        }
      }
    }, PER_ROUTE_TIMEOUT_MS);

    it('a lone UTF-16 surrogate in every string field of the route’s bodies: 400 naming the field', async () => {
      let checked = 0;
      for (const route of routes()) {
        const fields = stringFieldsOf(fuzzRouteOf(route));
        // A route without a body still refuses one that holds a lone surrogate.
        if (fields.length === 0) fields.push([{ q: 'x' }, ['q']]);
        for (const [body, path] of fields) {
          const raw = JSON.stringify(withLoneSurrogate(body, path));
          const res = await expectRefused(route, route.method, { ...headersFor(route), 'content-type': 'application/json' }, raw, 400, 'VALIDATION_FAILED');
          expect(res.body.errors).toContainEqual({ field: fieldName(path), message: 'contains a lone UTF-16 surrogate' });
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(routes().length);
    }, PER_ROUTE_TIMEOUT_MS);

    it.each([
      ['form-encoded', 'application/x-www-form-urlencoded', 'email=a%40example.com&password=x'],
      ['text/plain', 'text/plain', '{"email":"a@example.com"}'],
      ['XML', 'application/xml', '<email>a@example.com</email>'],
    ])('a %s body: 415', async (_kind, contentType, body) => {
      for (const route of routes()) {
        await expectRefused(route, route.method, { ...headersFor(route), 'content-type': contentType }, body, 415, 'UNSUPPORTED_MEDIA_TYPE');
      }
    });

    it('a body without a Content-Type: 415', async () => {
      for (const route of routes()) await expectRefused(route, route.method, headersFor(route), '{"a":1}', 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('every method a path does not serve: 405 with Allow listing the ones it does', async () => {
      const all = routes();
      // A route with a parameter serves a static path of the same shape too: PATCH /api/incidents/:incidentId
      // serves PATCH /api/incidents/recent (as a 404), so Allow rightly lists it there.
      const matches = (pattern: string, path: string): boolean => {
        const [want, got] = [pattern.split('/'), path.split('/')];
        return want.length === got.length && want.every((segment, i) => segment.startsWith(':') || segment === got[i]);
      };
      for (const route of all) {
        const concrete = concretePath(route);
        const served = new Set(all.filter((other) => matches(other.path, concrete)).map((other) => other.method));
        if (served.has('GET')) served.add('HEAD');
        const allow = [...served].sort().join(', ');
        for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !served.has(m))) {
          const before = await store.headPosition();
          const res = await send(`${server.url}${concrete}`, method, headersFor(route));
          expect({ request: `${method} ${route.path}`, status: res.status, allow: res.headers.allow }).toEqual({ request: `${method} ${route.path}`, status: 405, allow });
          if (method !== 'HEAD') expect(res.body.code).toBe('METHOD_NOT_ALLOWED');
          expect(await store.headPosition()).toBe(before);
        }
      }
    });
  });

  it.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))('%s', async (_name, route) => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requestOf(route), async ({ path, body, idempotencyKey }) => {
        const headers: Record<string, string> = {};
        if (body !== undefined) headers['content-type'] = 'application/json';
        if (route.auth !== 'public') Object.assign(headers, bearer(tokens.get(route.auth) as string));
        if (idempotencyKey !== undefined && route.method === 'POST') headers['idempotency-key'] = idempotencyKey;
        const before = await store.headPosition();
        let res: Response;
        try {
          res = await fetch(`${server.url}${path}`, { method: route.method, headers, body });
        } catch (error) {
          // fetch itself refuses some header values (e.g. control characters): nothing was sent.
          if (error instanceof TypeError) return;
          throw error;
        }
        const text = await res.text();
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
        if (res.status >= 500) throw new Error(`${route.method} ${path} answered ${res.status}: ${text}`);
        if (res.status >= 400) {
          expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          expect(await store.headPosition()).toBe(before);
        }
      }),
      { numRuns: RUNS_PER_ROUTE, seed: SEED, endOnFailure: true },
    );
    // The fuzz must reach the handler, not only the validation pipe: some request got past it.
    expect([...seen.keys()].some((status) => status !== 400)).toBe(true);
  });
});
