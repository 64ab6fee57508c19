import { HttpException, HttpStatus, UnsupportedMediaTypeException, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import { requestIdOf } from '../observability/logging';
import { COMPRESSION_THRESHOLD_BYTES } from './precompressed';
import { isJsonContentType, parseJsonBody, requestHasBody } from './json-body';
import { discoverRoutes, RouteTable } from './route-table';

/**
 * The transport rules of API.md (Operations) wired into Express. Each middleware only adapts a
 * framework-free rule (json-body.ts, route-table.ts) to Express's request and response, so that
 * the rules move with the edge when it changes framework. Errors go to `next` and leave through
 * the one problem+json filter.
 */

export class MethodNotAllowedException extends HttpException {
  constructor(readonly allow: string[]) {
    super(`This path answers ${allow.join(', ')}.`, HttpStatus.METHOD_NOT_ALLOWED);
  }
}

/** A known path asked with a method it does not serve: 405 with `Allow`, from the app's own routes. */
const methodNotAllowed = (app: INestApplication): RequestHandler => {
  let table: RouteTable | undefined;
  return (req: Request, res: Response, next: NextFunction) => {
    // Built on first use: the controllers are all registered once the app serves requests.
    table ??= new RouteTable(discoverRoutes(app));
    const allow = table.refuses(req.method, req.path);
    if (!allow) return next();
    res.setHeader('Allow', allow.join(', '));
    next(new MethodNotAllowedException(allow));
  };
};

/** A body that is not application/json is refused before it is read: 415. */
const jsonOnly: RequestHandler = (req, _res, next) => {
  if (!requestHasBody(req.headers) || isJsonContentType(req.headers['content-type'])) return next();
  next(new UnsupportedMediaTypeException('Send the body as application/json.'));
};

/** The raw bytes read by body-parser (which applies the size limit) become the checked JSON body. */
const jsonBody: RequestHandler = (req, _res, next) => {
  if (!Buffer.isBuffer(req.body)) return next();
  try {
    req.body = parseJsonBody(req.body.toString('utf8'));
    next();
  } catch (error) {
    next(error);
  }
};

/**
 * These rules run before the request logger (Nest registers module middleware at init, after
 * every app.use), so a request they refuse would leave without its correlation id: give it one.
 */
const correlateRefusals: ErrorRequestHandler = (error, req, res, next) => {
  if (!res.getHeader('X-Request-Id')) requestIdOf(req, res);
  next(error);
};

export const applyTransportRules = (app: INestApplication, options: { bodyLimit: string }): void => {
  const express = app as NestExpressApplication;
  app.use(compression({ threshold: COMPRESSION_THRESHOLD_BYTES }));
  app.use(methodNotAllowed(app));
  app.use(jsonOnly);
  express.useBodyParser('raw', { type: () => true, limit: options.bodyLimit });
  app.use(jsonBody);
  app.use(correlateRefusals);
};
