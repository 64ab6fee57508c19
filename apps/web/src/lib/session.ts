/**
 * The signed-in session, in memory only: the access token lives in this module and nowhere else
 * (no localStorage, no sessionStorage); the refresh token is the HttpOnly `tessera_refresh` cookie
 * the page cannot read (API.md, Accounts). A reload starts with no access token and asks the
 * cookie for one (restore). A 401 triggers ONE refresh however many requests failed at once
 * (single flight); when the refresh itself is refused the session has really ended, and every
 * subscriber hears it (auto-logout).
 */

export type SessionState =
  | { status: 'restoring' }
  | { status: 'anonymous'; ended?: boolean }
  | { status: 'signed-in'; accessToken: string };

const REFRESH_HEADERS = { 'content-type': 'application/json', 'x-requested-with': 'tessera-web', 'x-refresh-cookie': '1' };

let state: SessionState = { status: 'restoring' };
const listeners = new Set<() => void>();
let inflight: Promise<boolean> | null = null;
let refreshes = 0;

const set = (next: SessionState): void => {
  state = next;
  for (const listener of listeners) listener();
};

export const session = {
  get: (): SessionState => state,
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  accessToken: (): string | undefined => (state.status === 'signed-in' ? state.accessToken : undefined),
  signedIn: (accessToken: string): void => set({ status: 'signed-in', accessToken }),
  /** How many refreshes reached the server (the single-flight test reads it). */
  refreshCount: (): number => refreshes,

  /**
   * One refresh by cookie for every caller that asks while it runs. True when a new access token
   * came back; false when the session is over (the cookie is missing, spent or revoked).
   */
  refresh: (): Promise<boolean> => {
    inflight ??= (async () => {
      refreshes += 1;
      const wasSignedIn = state.status === 'signed-in';
      try {
        const res = await fetch('/api/auth/refresh', { method: 'POST', headers: REFRESH_HEADERS, body: '{}', credentials: 'same-origin' });
        if (res.ok) {
          const body = (await res.json()) as { accessToken: string };
          set({ status: 'signed-in', accessToken: body.accessToken });
          return true;
        }
        set({ status: 'anonymous', ended: wasSignedIn });
        return false;
      } catch {
        // The server is unreachable: the session is not known to be over, keep what we have.
        if (state.status === 'restoring') set({ status: 'anonymous' });
        return false;
      }
    })().finally(() => {
      inflight = null;
    });
    return inflight;
  },

  signOut: async (): Promise<void> => {
    set({ status: 'anonymous' });
    await fetch('/api/auth/logout', { method: 'POST', headers: REFRESH_HEADERS, body: '{}', credentials: 'same-origin' }).catch(() => undefined);
  },
};
