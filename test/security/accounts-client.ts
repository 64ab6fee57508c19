import { randomUUID } from 'node:crypto';
import type { TestApp } from '../support/test-app';

/** HTTP helpers for tests that need real accounts and sessions on a started server. */

export const GOOD_PASSWORD = 'Violet-Harbour-Lantern-93';

export const uniqueEmail = (prefix = 'fan'): string => `${prefix}-${randomUUID()}@example.com`;

export interface HttpAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export const call = async <T = Record<string, unknown>>(
  server: TestApp,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; rawBody?: string } = {},
): Promise<HttpAnswer<T>> => {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(options.body !== undefined || options.rawBody !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: body as T, headers: res.headers };
};

export const register = async (
  server: TestApp,
  email = uniqueEmail(),
  password = GOOD_PASSWORD,
  displayName = 'Ada Lovelace',
): Promise<{ userId: string; email: string; password: string }> => {
  const res = await call<{ userId: string }>(server, 'POST', '/api/auth/register', { body: { email, password, displayName } });
  if (res.status !== 201) throw new Error(`register answered ${res.status}: ${JSON.stringify(res.body)}`);
  return { userId: res.body.userId, email, password };
};

export interface Session {
  accessToken: string;
  refreshToken: string;
}

export const login = async (server: TestApp, email: string, password = GOOD_PASSWORD): Promise<Session> => {
  const res = await call<Session>(server, 'POST', '/api/auth/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`login answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
};

export const refresh = (server: TestApp, refreshToken: string): Promise<HttpAnswer<Session & { code?: string }>> =>
  call<Session & { code?: string }>(server, 'POST', '/api/auth/refresh', { body: { refreshToken } });

/** A registered, signed-in user. */
export const signedInUser = async (server: TestApp): Promise<{ userId: string; email: string } & Session> => {
  const account = await register(server);
  return { ...account, ...(await login(server, account.email)) };
};
