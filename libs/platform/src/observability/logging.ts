import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Params } from 'nestjs-pino';
import pino, { type Logger as PinoLogger } from 'pino';
import type { TesseraConfig } from '../config/config';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The correlation id of a request: the caller's X-Request-Id when it is sane, else a new one. */
export const correlationIdOf = (given: string | string[] | undefined): string =>
  typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();

/** Where access-log lines go: the app's root pino logger, with no redaction (the line holds nothing to redact). */
export class AccessLogger {
  constructor(readonly logger: PinoLogger) {}
}

const UNLOGGED = new Set(['/health', '/metrics']);

/**
 * The access log: one short line per request, built once when the response has gone (Fastify's
 * onResponse hook): who (the correlation id), what (method and path, never the query string, which
 * may carry anything) and how it ended (status, time in ms). `ip` is the client address Fastify
 * worked out under TRUST_PROXY, the same one the per-IP rate limits count, not the proxy's address
 * and not an X-Forwarded-For any client can write. No headers and no body: helmet's response
 * headers alone are about 900 bytes, and credentials travel in request headers and bodies.
 *
 * pino-http (as nestjs-pino mounted it) made a child logger per request, serialised the request
 * into it and then wrote the line: two serialisations and a redaction pass per request.
 */
export const installAccessLog = (fastify: FastifyInstance, access: AccessLogger): void => {
  const { logger } = access;
  if (!logger.isLevelEnabled('info')) return;
  fastify.addHook('onResponse', (request, reply, done) => {
    const url = request.url;
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    if (!UNLOGGED.has(path)) {
      logger.info(
        {
          correlationId: request.id,
          req: { method: request.method, url: path, ip: request.ip },
          res: { statusCode: reply.statusCode },
          responseTime: Math.round(reply.elapsedTime * 10) / 10,
        },
        'request completed',
      );
    }
    done();
  });
};

const REDACT = {
  paths: [
    'req.headers.authorization',
    'req.headers.cookie',
    'req.headers["x-device-key"]',
    'req.headers["idempotency-key"]',
    'res.headers["set-cookie"]',
    '*.password',
    '*.accessToken',
    '*.refreshToken',
    '*.card',
    '*.code',
    '*.secret',
    '*.deviceKey',
  ],
  censor: '[redacted]',
};

/** The app's root logger: structured JSON (pino). Secrets never reach a log: credentials, tokens and card data are redacted wherever they appear. */
export const createRootLogger = (config: TesseraConfig, app: string): PinoLogger => pino({ level: config.LOG_LEVEL, name: app, redact: REDACT });

/**
 * nestjs-pino as the Nest logger (every `new Logger(context)` line goes to the root logger), with
 * its per-request pino-http middleware not mounted (`forRoutes: []`): the access log is written by
 * `installAccessLog` instead, and a line about a request names its correlation id itself (the
 * problem+json filter does).
 */
export const loggerParams = (root: PinoLogger): Params => ({
  pinoHttp: { logger: root, autoLogging: false, quietReqLogger: true },
  forRoutes: [],
});

/** The access logger for a root logger: no redaction pass, since the line carries no header or body. */
export const accessLoggerOf = (root: PinoLogger): AccessLogger => new AccessLogger(root.child({}, { redact: { paths: [] } }));
