import { check, fail } from 'k6';
import http, { type Params, type RefinedResponse } from 'k6/http';

/**
 * What every script needs of Tessera's HTTP API (API.md): the base URL, JSON requests with a
 * bearer token, sign-up and login, an admin, and a show to sell. BASE_URL is the gateway
 * (`http://localhost:8080` under compose) or a standalone server.
 */

export const BASE_URL = (__ENV.BASE_URL || 'http://localhost:8080').replace(/\/$/, '');

export type Response = RefinedResponse<'text'>;

export interface Session {
  email: string;
  token: string;
  refreshToken: string;
}

/** Valid for as long as anyone will run these: a card past its month is refused. */
export const GOOD_CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123' };

const headers = (token?: string, extra: Record<string, string> = {}): Record<string, string> => ({
  'content-type': 'application/json',
  ...(token ? { authorization: `Bearer ${token}` } : {}),
  ...extra,
});

/** A string unique to this VU and iteration, for e-mails and idempotency keys. */
export const unique = (): string => `${__VU}-${__ITER}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export const get = (path: string, token?: string, params: Params = {}): Response =>
  http.get(`${BASE_URL}${path}`, { ...params, headers: headers(token, params.headers as Record<string, string>) });

export const post = (path: string, body: unknown, token?: string, params: Params = {}): Response =>
  http.post(`${BASE_URL}${path}`, body === undefined ? null : JSON.stringify(body), {
    ...params,
    headers: headers(token, params.headers as Record<string, string>),
  });

/** The JSON body of an answer, or fails the iteration naming what was expected. */
export const body = <T>(res: Response, what: string): T => {
  try {
    return res.json() as T;
  } catch {
    return fail(`${what}: ${res.status} without a JSON body`);
  }
};

export const login = (email: string, password: string): Session => {
  const res = post('/api/auth/login', { email, password }, undefined, { tags: { name: 'login' } });
  if (!check(res, { 'login: 200': (r) => r.status === 200 })) fail(`login ${email}: ${res.status} ${res.body}`);
  const { accessToken, refreshToken } = body<{ accessToken: string; refreshToken: string }>(res, 'login');
  return { email, token: accessToken, refreshToken };
};

/** A new fan: registered, then signed in. */
export const registerFan = (prefix = 'fan'): Session => {
  const email = `${prefix}-${unique()}@load.example.test`;
  const password = 'a load test passphrase';
  const res = post('/api/auth/register', { email, password, displayName: `Load ${prefix}` }, undefined, { tags: { name: 'register' } });
  if (!check(res, { 'register: 201': (r) => r.status === 201 })) fail(`register: ${res.status} ${res.body}`);
  return login(email, password);
};

/** The admin of ADMIN_EMAIL / ADMIN_PASSWORD (the server creates it at start-up). */
export const loginAdmin = (): Session => {
  if (!__ENV.ADMIN_EMAIL || !__ENV.ADMIN_PASSWORD) fail('set ADMIN_EMAIL and ADMIN_PASSWORD (-e ADMIN_EMAIL=… -e ADMIN_PASSWORD=…)');
  return login(__ENV.ADMIN_EMAIL, __ENV.ADMIN_PASSWORD);
};

export interface ShowShape {
  /** Rows of section A. */
  rows: number;
  seatsPerRow: number;
  holdMinutes?: number;
  maxSeatsPerBooking?: number;
}

/** Creates and publishes a show with one section, A, of rows × seatsPerRow seats (ids `A-{row}-{n}`). */
export const createShow = (admin: Session, shape: ShowShape): string => {
  const created = post(
    '/api/shows',
    {
      name: `Load test ${unique()}`,
      venue: 'Load Arena',
      startsAt: '2099-06-01T19:30:00Z',
      currency: 'EUR',
      holdMinutes: shape.holdMinutes ?? 10,
      maxSeatsPerBooking: shape.maxSeatsPerBooking ?? 4,
      categories: [{ id: 'std', name: 'Standard', price: 4500 }],
      sections: [{ id: 'A', name: 'Section A', categoryId: 'std', rows: Array.from({ length: shape.rows }, (_, i) => ({ label: String(i + 1), seats: shape.seatsPerRow })) }],
    },
    admin.token,
    { tags: { name: 'create show' } },
  );
  if (!check(created, { 'create show: 201': (r) => r.status === 201 })) fail(`create show: ${created.status} ${created.body}`);
  const { showId } = body<{ showId: string }>(created, 'create show');
  const published = post(`/api/shows/${showId}/publish`, undefined, admin.token, { tags: { name: 'publish show' } });
  if (!check(published, { 'publish: 200': (r) => r.status === 200 })) fail(`publish: ${published.status} ${published.body}`);
  return showId;
};

export interface SeatMap {
  seats: { seatId: string; status: 'available' | 'held' | 'sold' }[];
}

/** Answers that are the system working as designed, not failures: the seat was taken, the hold ran out. */
export const EXPECTED = http.expectedStatuses({ min: 200, max: 299 }, 409);
