import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_VERSION } from '@tessera/contracts/openapi';
import type { TesseraConfig } from '../config/config';
import { AccessLogger, installAccessLog } from '../observability/logging';
import { installHttpMetrics, Metrics } from '../observability/metrics';
import { applyTransportRules } from './fastify-edge';
import { installLeanInterceptorChain } from './interceptor-chain';
import { setupAsyncApi } from './asyncapi';
import { setupOpenApi } from './openapi';
import { ProblemDetailsFilter } from './problem-details.filter';
import { createValidationPipe } from './validation';

/**
 * The HTTP conventions every app shares (API.md, Conventions and Operations), on the Fastify edge
 * (fastify-edge.ts): security headers, a CORS allow-list, the transport rules (JSON bodies within a
 * size limit, 415, 405 with Allow, compression), the access log and HTTP metrics, the global
 * validation pipe and the problem+json filter. Call it before `listen` (and so before `init`): the
 * Fastify plugins must be registered before Nest adds the routes.
 */
export const configureHttpApp = async (app: INestApplication, config: TesseraConfig): Promise<void> => {
  const fastify = (app as NestFastifyApplication).getHttpAdapter().getInstance();
  if (config.CORS_ORIGINS?.length) {
    app.enableCors({
      origin: config.CORS_ORIGINS,
      credentials: false,
      exposedHeaders: ['X-Position', 'X-Request-Id', 'Location', 'Retry-After'],
    });
  }
  installLeanInterceptorChain();
  await applyTransportRules(app);
  installHttpMetrics(fastify, app.get(Metrics, { strict: false }));
  installAccessLog(fastify, app.get(AccessLogger, { strict: false }));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  setupOpenApi(app, { title: 'Tessera', version: API_VERSION });
  setupAsyncApi(app, config, { version: API_VERSION });
  // Exit through process.exit once the hooks are done (status 0), not by re-raising the signal:
  // pino writes asynchronously and flushes on 'exit', which a re-raised SIGTERM never reaches,
  // so the last lines of a graceful stop (the log closed) were sometimes lost.
  app.enableShutdownHooks(undefined, { useProcessExit: true });
};
