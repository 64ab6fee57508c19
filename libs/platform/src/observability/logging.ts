import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { TesseraConfig } from '../config/config';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The correlation id of a request: the caller's X-Request-Id when it is sane, else a new one. */
export const requestIdOf = (req: IncomingMessage, res: ServerResponse): string => {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
};

/**
 * The request part of an access log line. `ip` is the client address as the HTTP layer worked it
 * out (Express's req.ip under TRUST_PROXY), the same one the per-IP rate limits count, not the
 * proxy's address and not an X-Forwarded-For any client can write.
 */
export const accessLogRequest = (req: { method?: string; url?: string; remoteAddress?: string; raw?: { ip?: string } }) => ({
  // No `id`: pino-http's request id repeats the correlation id every line already carries.
  method: req.method,
  url: req.url?.split('?')[0],
  ip: req.raw?.ip ?? req.remoteAddress,
});

/**
 * Structured JSON logs (pino) with the correlation id on every line. Secrets never reach a log:
 * credentials, tokens and card data are redacted wherever they appear.
 */
export const loggerParams = (config: TesseraConfig, app: string): Params => ({
  pinoHttp: {
    level: config.LOG_LEVEL,
    name: app,
    genReqId: requestIdOf,
    customProps: (req) => ({ correlationId: (req as IncomingMessage & { id?: string }).id }),
    autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
    redact: {
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
      ],
      censor: '[redacted]',
    },
    // One short line per request: who (the correlation id, above), what and how it ended. The
    // response headers (helmet's alone are about 900 bytes) said nothing a request does not, and
    // made a busy server write more log than data; a query string may carry anything.
    serializers: {
      req: accessLogRequest,
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  },
});
