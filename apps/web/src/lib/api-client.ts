import createClient from 'openapi-fetch';
import type { paths } from './api/openapi';
import { session } from './session';

/**
 * The one API client, typed from the OpenAPI document (src/lib/api/openapi.d.ts). It adds the
 * in-memory access token, and on a 401 it waits for the session's single-flight refresh and
 * sends the request once more; when the refresh fails the 401 stands and the session has ended.
 * It also reads its own writes: every read carries the highest log position a write of this page
 * answered (`X-Min-Position`, API.md Conventions), so a page opened right after paying shows the
 * tickets even while the read models are a moment behind.
 */

const AUTH_ROUTES = ['/api/auth/login', '/api/auth/register', '/api/auth/refresh', '/api/auth/logout'];

let lastWrite = 0n;

const withToken = (request: Request): Request => {
  const token = session.accessToken();
  if (token) request.headers.set('authorization', `Bearer ${token}`);
  if (request.method === 'GET' && lastWrite > 0n && !request.headers.has('x-min-position')) request.headers.set('x-min-position', String(lastWrite));
  return request;
};

/**
 * Reads from now on also wait for `position`: a live event's, so the refetch it causes shows what
 * the event said (the projector and the stream are separate consumers of the log).
 */
export const readAtLeast = (position: number | string): void => {
  const at = BigInt(position);
  if (at > lastWrite) lastWrite = at;
};

const noteWrite = (response: Response): Response => {
  const position = response.headers.get('x-position');
  if (position && /^\d+$/.test(position) && BigInt(position) > lastWrite) lastWrite = BigInt(position);
  return response;
};

export const authorizedFetch = async (request: Request): Promise<Response> => {
  const retry = request.clone();
  const sentWith = session.accessToken();
  const response = noteWrite(await fetch(withToken(request)));
  if (response.status !== 401 || sentWith === undefined || AUTH_ROUTES.includes(new URL(request.url).pathname)) return response;
  // Another request may have refreshed already while this one was in flight.
  if (session.accessToken() === sentWith && !(await session.refresh())) return response;
  return noteWrite(await fetch(withToken(retry)));
};

export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: authorizedFetch });
