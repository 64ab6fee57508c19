import { randomUUID } from 'node:crypto';
import type { INestApplication, ModuleMetadata } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { loadConfig, TesseraConfig } from '@tessera/platform/config/config';
import { configureHttpApp } from '@tessera/platform/http/configure-http-app';
import { createHttpAdapter } from '@tessera/platform/http/fastify-edge';
import type { PlatformOptions } from '@tessera/platform/platform.module';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { Logger } from 'nestjs-pino';
import { StandaloneModule } from '../../apps/standalone/src/standalone.module';

export interface TestApp {
  app: INestApplication;
  url: string;
  config: TesseraConfig;
  dataDir: string;
  /** Stops the app (gracefully, as on SIGTERM); removes the data folder unless kept. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * Starts the standalone server in this process on a free port with a fresh data folder, as
 * `npm start` would run it (on the same Fastify edge), for end-to-end tests over real HTTP.
 * `imports` adds test-only modules (a route that exercises the edge itself).
 */
export const startTestApp = async (
  options: { env?: Record<string, string>; dataDir?: string; overrides?: Partial<PlatformOptions>; imports?: ModuleMetadata['imports'] } = {},
): Promise<TestApp> => {
  const dataDir = options.dataDir ?? (await makeTempDir('app'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    // The embedded MQTT broker on a free port: parallel servers must not fight over one.
    MQTT_PORT: '0',
    // Servers that share the machine's Redis must not share rate-limit counters.
    RATE_LIMIT_KEY_PREFIX: `tessera-test:${randomUUID()}:`,
    ...options.env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [StandaloneModule.forRoot(config, options.overrides), ...(options.imports ?? [])],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(config), { bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(Logger));
  await configureHttpApp(app, config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    config,
    dataDir,
    close: async ({ keepData = false } = {}) => {
      await app.close();
      if (!keepData && !options.dataDir) await removeDir(dataDir);
    },
  };
};
