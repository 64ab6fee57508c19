import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { API_VERSION } from '@tessera/contracts/openapi';
import helmet from 'helmet';
import type { TesseraConfig } from '../config/config';
import { applyTransportRules } from './express-transport';
import { setupOpenApi } from './openapi';
import { ProblemDetailsFilter } from './problem-details.filter';
import { createValidationPipe } from './validation';

/**
 * The HTTP conventions every app shares (API.md, Conventions and Operations): security headers,
 * a CORS allow-list, the transport rules (JSON bodies within a size limit, 415, 405 with Allow,
 * compression), the global validation pipe and the problem+json filter.
 */
export const configureHttpApp = (app: INestApplication, config: TesseraConfig): void => {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  // Only a hop from a trusted proxy may name the client (req.ip): never a header any client can set.
  express.set('trust proxy', config.TRUST_PROXY ? [...config.TRUST_PROXY] : false);
  app.use(helmet());
  if (config.CORS_ORIGINS?.length) {
    app.enableCors({
      origin: config.CORS_ORIGINS,
      credentials: false,
      exposedHeaders: ['X-Position', 'X-Request-Id', 'Location', 'Retry-After'],
    });
  }
  applyTransportRules(app, { bodyLimit: config.BODY_LIMIT });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  setupOpenApi(app, { title: 'Tessera', version: API_VERSION });
  // Exit through process.exit once the hooks are done (status 0), not by re-raising the signal:
  // pino writes asynchronously and flushes on 'exit', which a re-raised SIGTERM never reaches,
  // so the last lines of a graceful stop (the log closed) were sometimes lost.
  app.enableShutdownHooks(undefined, { useProcessExit: true });
};
