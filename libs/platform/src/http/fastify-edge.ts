import compress from '@fastify/compress';
import { HttpException, HttpStatus, UnsupportedMediaTypeException, type INestApplication } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TesseraConfig } from '../config/config';
import { correlationIdOf } from '../observability/logging';
import { closeEventStreamsOnShutdown } from './event-stream';
import { isJsonContentType, parseJsonBody, requestHasBody } from './json-body';
import { COMPRESSION_THRESHOLD_BYTES } from './precompressed';
import { problem } from './problem-details.filter';
import { discoverRoutes, RouteTable } from './route-table';
import { isSpaFallback } from './web-app';

/**
 * The HTTP edge on Fastify (docs/decisions/0005). Each rule of API.md (Operations) is a framework-free
 * function (json-body.ts, route-table.ts, precompressed.ts) wired in here as a Fastify hook, parser or
 * plugin; a refusal is an exception handed to Fastify, which passes it to Nest's one problem+json filter.
 */

export class MethodNotAllowedException extends HttpException {
  constructor(readonly allow: string[]) {
    super(`This path answers ${allow.join(', ')}.`, HttpStatus.METHOD_NOT_ALLOWED);
  }
}

/** BODY_LIMIT (`100kb`, `1mb`, `512b`) in bytes, as body-parser's `bytes` read it (1 kb = 1024 b). */
export const bodyLimitBytes = (limit: string): number => {
  const match = /^(\d+)(b|kb|mb)$/i.exec(limit.trim());
  if (!match) throw new Error(`not a size: ${limit}`);
  const unit = match[2].toLowerCase();
  return Number(match[1]) * (unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1);
};

/** Node's own request timeout (5 min), which Fastify would otherwise turn off (its default is 0). */
const REQUEST_TIMEOUT_MS = 300_000;

/**
 * A request Fastify cannot even route: a malformed URL is 400 problem+json like every other
 * refusal; a path parameter over the router's 2,048 characters names nothing any route holds
 * (every id is far shorter), so it answers 404 as a path no route matches does, on every method
 * (Fastify's own answer, 414, is in no route's contract).
 */
const refuseUnroutable = (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
  const unknown = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const status = unknown ? 404 : error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  void reply
    .status(status)
    .headers(edgeSecurityHeaders())
    .header('X-Request-Id', request.id)
    .type('application/problem+json')
    .send(JSON.stringify(unknown ? problem('NOT_FOUND', 'No such resource.') : problem('VALIDATION_FAILED', 'The request could not be read.', {}, status)));
};

/**
 * The Fastify instance with the edge's settings: the client address only from a trusted proxy's hop
 * (TRUST_PROXY, the same list Express took), the body limit, the keep-alive idle timeout, the
 * correlation id as the request id, no logger of its own (installAccessLog writes the access log),
 * Express's routing leniency (case-insensitive, a trailing slash ignored, path parameters up to
 * 2,048 characters reaching validation) and no Nest middleware at all (no middie: every rule is a hook).
 */
export const createHttpAdapter = (config: TesseraConfig): FastifyAdapter =>
  new FastifyAdapter({
    trustProxy: config.TRUST_PROXY ? [...config.TRUST_PROXY] : false,
    bodyLimit: bodyLimitBytes(config.BODY_LIMIT),
    keepAliveTimeout: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    requestTimeout: REQUEST_TIMEOUT_MS,
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => correlationIdOf(req.headers['x-request-id']),
    logger: false,
    skipMiddie: true,
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 2048 },
    frameworkErrors: refuseUnroutable,
  });

/**
 * helmet's security headers for its default policy, worked out once by running helmet against a
 * response that records them. They are the same for every response (no CSP nonces), and
 * @fastify/helmet 13 builds a new helmet middleware, CSP parsing included, on every request (its
 * index.js, buildHelmetOnRoutes): 4.9% of the bare route's CPU in a profile.
 */
export const securityHeaders = (): Readonly<Record<string, string>> => {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet()({} as IncomingMessage, recorder as unknown as ServerResponse, () => undefined);
  return Object.freeze(headers);
};

let sharedSecurityHeaders: Readonly<Record<string, string>> | undefined;
/** securityHeaders(), worked out on first use and shared by every response of the process. */
const edgeSecurityHeaders = (): Readonly<Record<string, string>> => (sharedSecurityHeaders ??= securityHeaders());

/**
 * The transport rules, in one onRequest hook (a request's headers are all they need):
 * - every response carries the correlation id (X-Request-Id) and helmet's headers, refusals included;
 * - a known path asked with a method it does not serve: 405 with `Allow`, from the app's own routes,
 *   worked out only for a request the router did not match (Fastify's `is404`), so a served request
 *   pays nothing for it;
 * - a body that is not application/json (UTF-8) is refused before it is read: 415.
 * The body itself is read by the one content-type parser (`*`, within the body limit: 413) and checked
 * by parseJsonBody (depth, lone surrogates, prototype keys: 400). Responses of 1 KB and more are
 * compressed (br or gzip) unless they already carry a Content-Encoding (the precompressed seat map);
 * request bodies are not decompressed. Server-sent event streams
 * (event-stream.ts) are ended when the server stops.
 */
export const applyTransportRules = async (app: INestApplication): Promise<void> => {
  const fastify = (app as NestFastifyApplication).getHttpAdapter().getInstance();
  let table: RouteTable | undefined;
  const security = edgeSecurityHeaders();
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.headers(security);
    reply.header('X-Request-Id', request.id);
    // The web app's fallback route matches every GET: a GET on a POST-only API path is still a 405.
    if (request.is404 || isSpaFallback(request)) {
      // Built on first use: the controllers are all registered once the app serves requests.
      table ??= new RouteTable(discoverRoutes(app));
      const url = request.url;
      const query = url.indexOf('?');
      const allow = table.refuses(request.method, query === -1 ? url : url.slice(0, query));
      if (allow) {
        reply.header('Allow', allow.join(', '));
        done(new MethodNotAllowedException(allow));
        return;
      }
    }
    if (requestHasBody(request.headers) && !isJsonContentType(request.headers['content-type'])) {
      done(new UnsupportedMediaTypeException('Send the body as application/json.'));
      return;
    }
    done();
  });
  // Fastify reads no body on a GET; Express did, and the rules hold for every body sent (a GET with
  // a 50,000-deep body is a 400, as on any other method).
  fastify.addHttpMethod('GET', { hasBody: true, overrideExisting: true });
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  closeEventStreamsOnShutdown(fastify);
  await fastify.register(compress, { threshold: COMPRESSION_THRESHOLD_BYTES, globalDecompression: false });
};
