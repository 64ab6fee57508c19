import { EventStore } from '@tessera/platform/event-store/event-store.port';
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
