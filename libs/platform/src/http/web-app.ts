import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The web app (apps/web, built by `npm run build` into dist/web) served at `/` (API.md,
 * Operations): hashed files under /assets/ cached for a year as immutable (a new build has new
 * names), index.html never cached, and index.html again for every client route (the SPA
 * fallback) but never for the API's paths, which keep their problem+json 404 and 405. The page
 * gets its own Content-Security-Policy, stricter than helmet's default: no inline script or style
 * at all, nothing from another origin, no framing.
 */

/** Where `npm run build` puts the web app, next to the compiled server (dist/web). */
export const DEFAULT_WEB_APP_DIR = join(__dirname, '..', '..', '..', '..', 'web');

export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // QR codes are data: URLs; the check-in camera is a MediaStream (srcObject, not a URL).
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Paths that belong to the server: a miss there is the API's 404, never the page. */
const SERVER_PATHS = /^\/(api|health|metrics|docs|openapi\.json|asyncapi\.json|assets)(\/|$|\?)/i;
/** A path naming a file (favicon.ico, robots.txt) is not a client route either. */
const FILE_NAME = /\/[^/?]*\.[^/?]+(\?|$)/;

/** Route config the transport rules read: a request matched only by the fallback may still be a 405. */
export const SPA_FALLBACK = 'spaFallback';

export const isSpaFallback = (request: FastifyRequest): boolean => (request.routeOptions.config as unknown as Record<string, unknown> | undefined)?.[SPA_FALLBACK] === true;

/** Registers the web app on the Fastify instance; false when `dir` holds no built app. */
export const serveWebApp = async (fastify: FastifyInstance, dir: string): Promise<boolean> => {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  await fastify.register(fastifyStatic, {
    root: join(dir, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    wildcard: true,
    index: false,
    dotfiles: 'deny',
    // tools/build.js writes .br and .gz beside each script and style sheet.
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply) => {
      void reply.header('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  const page = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (SERVER_PATHS.test(request.url) || FILE_NAME.test(request.url)) {
      reply.callNotFound();
      return;
    }
    // Read on each request (it is small): a rebuild while the server runs is served at once.
    const html = await readFile(index);
    await reply
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Cache-Control', 'no-cache')
      .header('Content-Security-Policy', WEB_APP_CSP)
      .send(html);
  };
  fastify.get('/', { config: { [SPA_FALLBACK]: true } }, page);
  fastify.get('/*', { config: { [SPA_FALLBACK]: true } }, page);
  return true;
};
