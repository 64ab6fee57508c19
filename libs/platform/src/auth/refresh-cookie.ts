import { parse, serialize } from 'cookie';
import type { FastifyReply } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { ValidationFailedException } from '../http/validation';

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

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Whether the client asked for the refresh token as a cookie (`X-Refresh-Cookie: 1`). */
export const wantsRefreshCookie = (headers: IncomingHttpHeaders): boolean => header(headers, WANTS_COOKIE_HEADER) === '1';

/** Whether the request carries the CSRF guard, without which the cookie is never read. */
export const passesCsrfGuard = (headers: IncomingHttpHeaders): boolean => header(headers, CSRF_HEADER) === CSRF_HEADER_VALUE;

export type PresentedRefreshToken =
  | { from: 'body'; token: string }
  | { from: 'cookie'; token: string | undefined }
  /** No token in the body, and no CSRF header: the cookie, if any, is not read. */
  | { from: 'none' };

/** Where the refresh token of this request comes from: the body first, the cookie behind the guard. */
export const presentedRefreshToken = (headers: IncomingHttpHeaders, bodyToken: unknown): PresentedRefreshToken => {
  if (typeof bodyToken === 'string') return { from: 'body', token: bodyToken };
  if (!passesCsrfGuard(headers)) return { from: 'none' };
  const cookies = header(headers, 'cookie');
  return { from: 'cookie', token: cookies ? parse(cookies)[REFRESH_COOKIE] : undefined };
};

/** 400 for a refresh or logout with no token in the body and no CSRF header: the cookie is not read. */
export const missingRefreshToken = (): ValidationFailedException =>
  new ValidationFailedException([{ field: 'refreshToken', message: `is required (or the ${REFRESH_COOKIE} cookie with X-Requested-With: ${CSRF_HEADER_VALUE})` }]);

const attributes = { httpOnly: true, secure: true, sameSite: 'strict', path: REFRESH_COOKIE_PATH } as const;

/** Sets the refresh token as the cookie, for as long as the token lives. */
export const setRefreshCookie = (reply: FastifyReply, token: string, maxAgeSeconds: number): void => {
  void reply.header('Set-Cookie', serialize(REFRESH_COOKIE, token, { ...attributes, maxAge: maxAgeSeconds }));
};

/** Tells the browser to drop the cookie (logout, or a refresh token that no longer works). */
export const clearRefreshCookie = (reply: FastifyReply): void => {
  void reply.header('Set-Cookie', serialize(REFRESH_COOKIE, '', { ...attributes, maxAge: 0, expires: new Date(0) }));
};
