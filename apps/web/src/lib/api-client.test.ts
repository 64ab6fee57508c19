import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The interceptor of the API client: one single-flight refresh for any number of 401s, and auto-logout. */

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let server: { valid: string; refreshes: number; refreshWorks: boolean };

beforeEach(() => {
  vi.resetModules();
  server = { valid: 'fresh', refreshes: 0, refreshWorks: true };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: Request | string, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input.url;
      if (url.endsWith('/api/auth/refresh')) {
        server.refreshes += 1;
        expect(new Headers(init?.headers).get('x-requested-with')).toBe('tessera-web');
        await new Promise((resolve) => setTimeout(resolve, 10));
        return server.refreshWorks ? json(200, { accessToken: server.valid, tokenType: 'Bearer', expiresIn: 900, position: '1' }) : json(401, { title: 'Unauthorized', code: 'INVALID_REFRESH_TOKEN', detail: 'x', status: 401, type: 't' });
      }
      const auth = (input as Request).headers.get('authorization');
      return auth === `Bearer ${server.valid}` ? json(200, { items: [] }) : json(401, { title: 'Unauthorized', code: 'UNAUTHENTICATED', detail: 'expired', status: 401, type: 't' });
    }),
  );
});

afterEach(() => vi.unstubAllGlobals());

describe('the API client', () => {
  it('refreshes once for five requests that meet an expired token together, then retries each', async () => {
    const { api } = await import('./api-client');
    const { session } = await import('./session');
    session.signedIn('expired');
    const answers = await Promise.all(Array.from({ length: 5 }, () => api.GET('/api/me/tickets')));
    expect(answers.map((a) => a.response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(server.refreshes).toBe(1);
    expect(session.accessToken()).toBe('fresh');
  });

  it('ends the session when the refresh is refused: the 401 stands and subscribers hear it', async () => {
    const { api } = await import('./api-client');
    const { session } = await import('./session');
    session.signedIn('expired');
    server.refreshWorks = false;
    const heard = vi.fn();
    session.subscribe(heard);
    const answer = await api.GET('/api/me/tickets');
    expect(answer.response.status).toBe(401);
    expect(session.get()).toEqual({ status: 'anonymous', ended: true });
    expect(heard).toHaveBeenCalled();
  });

  it('keeps the access token in memory only: nothing in localStorage or sessionStorage', async () => {
    const { session } = await import('./session');
    session.signedIn('secret-token');
    expect(JSON.stringify({ ...localStorage })).not.toContain('secret-token');
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('secret-token');
  });
});
