import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Server } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as NestLogger } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig, TesseraConfig } from './config/config';
import { describeStartupFailure } from './event-store/embedded/startup-failure';
import { configureHttpApp } from './http/configure-http-app';
import { createHttpAdapter } from './http/fastify-edge';

/**
 * Starts one HTTP process: validate configuration (a bad value stops it with one line naming
 * the variable), build the root module, apply the shared HTTP conventions, listen, and stop
 * gracefully on SIGTERM/SIGINT.
 */
/**
 * Connections the kernel may queue before the process accepts them (capped by somaxconn). Node's
 * 511 overflows when a flash sale opens 2,000 connections at once: the surplus gets ECONNRESET.
 */
const LISTEN_BACKLOG = 4096;

export const runHttpApp = async (name: string, rootModule: (config: TesseraConfig) => DynamicModule): Promise<void> => {
  let config: TesseraConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${name}: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  // abortOnError false: a failing provider (a damaged log) rejects here instead of aborting the
  // process; autoFlushLogs false: its stack trace stays in the buffer unless it is not a known failure.
  const app = await NestFactory.create<NestFastifyApplication>(rootModule(config), createHttpAdapter(config), {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
    autoFlushLogs: false,
  }).catch((error: unknown) => exitOnStartupFailure(name, error));
  app.useLogger(app.get(Logger));
  app.flushLogs(); // what was logged while the modules started (autoFlushLogs is off, see above)
  await configureHttpApp(app, config);
  // Fastify sets the keep-alive idle timeout (createHttpAdapter); this is the same http.Server.
  const server = app.getHttpServer() as Server;
  // A connection's next request must be allowed its headers for at least as long as it may idle.
  server.headersTimeout = Math.max(server.headersTimeout, config.HTTP_KEEP_ALIVE_TIMEOUT_MS + 1000);
  await app.listen({ port: config.PORT, host: config.HOST, backlog: LISTEN_BACKLOG }).catch((error: unknown) => exitOnStartupFailure(name, error));
  app.get(Logger).log(`${name} listening on http://${config.HOST}:${config.PORT} (${JSON.stringify(config.mode)})`);
};

/** A known start-up failure ends in one line and its exit code; anything else keeps its stack trace. */
const exitOnStartupFailure = (name: string, error: unknown): never => {
  const known = describeStartupFailure(error);
  if (known) {
    process.stderr.write(`${name}: ${known.message}\n`);
    process.exit(known.exitCode);
  }
  NestLogger.flush();
  throw error;
};
