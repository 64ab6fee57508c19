import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig, TesseraConfig } from './config/config';
import { configureHttpApp } from './http/configure-http-app';

/**
 * Starts one HTTP process: validate configuration (a bad value stops it with one line naming
 * the variable), build the root module, apply the shared HTTP conventions, listen, and stop
 * gracefully on SIGTERM/SIGINT.
 */
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
  const app = await NestFactory.create<NestExpressApplication>(rootModule(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  configureHttpApp(app, config);
  await app.listen(config.PORT, config.HOST);
  app.get(Logger).log(`${name} listening on http://${config.HOST}:${config.PORT} (${JSON.stringify(config.mode)})`);
};
