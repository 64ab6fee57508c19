import { parse, serialize } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The refresh token as a cookie, for browsers (API.md, Accounts): page scripts never see it, so
 * an injected script cannot steal a session that outlives the access token in memory. Login and
 * refresh asked with `X-Refresh-Cookie: 1` set it instead of answering it in the body; refresh and
 * logout read it only when the body has no token and the request carries
 * `X-Requested-With: tessera-web`. That header is the CSRF guard: a cross-site form cannot send
 * it, and a cross-site script can only by a CORS preflight that the server does not grant (no
 * credentials in CORS). SameSite=Strict keeps the browser from sending the cookie cross-site at all;
 * the header holds where SameSite does not (an old browser, a sibling subdomain).
 */

export const REFRESH_COOKIE = 'tessera_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';
export const WANTS_COOKIE_HEADER = 'x-refresh-cookie';
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'tessera-web';

type Request = Pick<FastifyRequest, 'headers' | 'body'>;

const header = (req: Request, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The body's `refreshToken` when it is a string (the DTO has made sure of the type already). */
const bodyToken = (req: Request): string | undefined => {
  const body: unknown = req.body;
  const token = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>).refreshToken : undefined;
  return typeof token === 'string' ? token : undefined;
};

/** Whether the client asked for the refresh token as a cookie (`X-Refresh-Cookie: 1`). */
export const wantsRefreshCookie = (req: Request): boolean => header(req, WANTS_COOKIE_HEADER) === '1';

/** Whether the request carries the CSRF guard, without which the cookie is never read. */
export const passesCsrfGuard = (req: Request): boolean => header(req, CSRF_HEADER) === CSRF_HEADER_VALUE;

export type PresentedRefreshToken =
  | { from: 'body'; token: string }
  | { from: 'cookie'; token: string | undefined }
  /** No token in the body, and no CSRF header: the cookie, if any, is not read. */
  | { from: 'none' };

/** Where the refresh token of this request comes from: the body first, the cookie behind the guard. */
export const presentedRefreshToken = (req: Request): PresentedRefreshToken => {
  const token = bodyToken(req);
  if (token !== undefined) return { from: 'body', token };
  if (!passesCsrfGuard(req)) return { from: 'none' };
  const cookies = header(req, 'cookie');
  return { from: 'cookie', token: cookies ? parse(cookies)[REFRESH_COOKIE] : undefined };
};

const attributes = { httpOnly: true, secure: true, sameSite: 'strict', path: REFRESH_COOKIE_PATH } as const;

/** Sets the refresh token as the cookie, for as long as the token lives. */
export const setRefreshCookie = (reply: FastifyReply, token: string, maxAgeSeconds: number): void => {
  void reply.header('Set-Cookie', serialize(REFRESH_COOKIE, token, { ...attributes, maxAge: maxAgeSeconds }));
};

/** Tells the browser to drop the cookie (logout, or a refresh token that no longer works). */
export const clearRefreshCookie = (reply: FastifyReply): void => {
  void reply.header('Set-Cookie', serialize(REFRESH_COOKIE, '', { ...attributes, maxAge: 0, expires: new Date(0) }));
};
