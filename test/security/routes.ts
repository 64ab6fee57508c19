import type { Role } from '@tessera/contracts';
import fc from 'fast-check';
import { GOOD_PASSWORD } from './accounts-client';

/**
 * Every HTTP route, for the security fuzz (fuzz.e2e-spec.ts). Add your routes here when you add
 * them to an app: the fuzz then checks that no body or parameter makes the route answer 5xx, and
 * that every 4xx leaves the event log unchanged.
 *
 * - `path` uses `{name}` placeholders; each gets a value from `params[name]` (default: any
 *   string, URL-encoded, plus a few real-looking UUIDs).
 * - `auth`: 'public' sends no token; a role sends a valid access token of a fresh user with
 *   that role (use 'admin' for admin routes — the fuzz is about input, not authorization).
 * - `body`: an arbitrary of JSON bodies. Use `bodyOf({ field: arbitrary })` for an object route:
 *   it mixes well-formed values, wrong types, missing and extra fields and non-objects.
 */

export type FuzzMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface FuzzRoute {
  method: FuzzMethod;
  path: string;
  auth: 'public' | Role;
  params?: Record<string, fc.Arbitrary<string>>;
  body?: fc.Arbitrary<unknown>;
}

/** Any JSON value, including deep and odd ones. */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

/** Strings that break naive code: empty, huge, unicode, control characters, injection-looking. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '../../etc/passwd', '{"$gt":""}', '<script>', '%00', 'null', '__proto__', 'constructor', 'a'.repeat(5000)),
);

/** A value for one field: usually of the right kind, sometimes anything at all. */
export const fieldOf = <T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: nastyString }, { weight: 1, arbitrary: anyJson });

/** Bodies for an object route: the fields (each optional), sometimes an extra field, sometimes not an object. */
export const bodyOf = (fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> => {
  const record = fc.record(
    Object.fromEntries(Object.entries(fields).map(([name, arbitrary]) => [name, fieldOf(arbitrary)])),
    { requiredKeys: [] },
  );
  return fc.oneof(
    { weight: 4, arbitrary: record },
    {
      weight: 1,
      arbitrary: fc
        .tuple(record, fc.constantFrom('role', 'roles', 'userId', 'ownerId', 'status', 'price', '__proto__', 'constructor'), anyJson)
        .map(([body, key, value]) => (typeof body === 'object' && body !== null ? { ...body, [key]: value } : body)),
    },
    { weight: 1, arbitrary: anyJson },
  );
};

const email = fc.oneof(fc.emailAddress(), fc.constant('fan@example.com'));
const password = fc.oneof(fc.constant(GOOD_PASSWORD), fc.string({ minLength: 12, maxLength: 140 }));
const refreshToken = fc.oneof(
  fc.tuple(fc.uuid(), fc.base64String({ minLength: 44, maxLength: 44 })).map(([family, secret]) => `${family}.${secret.slice(0, 43)}`),
  fc.string({ maxLength: 300 }),
);
const roles = fc.array(fc.constantFrom('user', 'staff', 'admin', 'root', ''), { maxLength: 5 });

export const ROUTES: FuzzRoute[] = [
  { method: 'POST', path: '/api/auth/register', auth: 'public', body: bodyOf({ email, password, displayName: fc.string({ maxLength: 100 }) }) },
  { method: 'POST', path: '/api/auth/login', auth: 'public', body: bodyOf({ email, password }) },
  { method: 'POST', path: '/api/auth/refresh', auth: 'public', body: bodyOf({ refreshToken }) },
  { method: 'POST', path: '/api/auth/logout', auth: 'public', body: bodyOf({ refreshToken }) },
  { method: 'GET', path: '/api/auth/me', auth: 'user' },
  { method: 'PUT', path: '/api/admin/users/{userId}/roles', auth: 'admin', body: bodyOf({ roles }) },
];
