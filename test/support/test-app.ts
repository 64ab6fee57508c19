import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { loadConfig, TesseraConfig } from '@tessera/platform/config/config';
import { configureHttpApp } from '@tessera/platform/http/configure-http-app';
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
 * `npm start` would run it, for end-to-end tests over real HTTP.
 */
export const startTestApp = async (
  options: { env?: Record<string, string>; dataDir?: string; overrides?: Partial<PlatformOptions> } = {},
): Promise<TestApp> => {
  const dataDir = options.dataDir ?? (await makeTempDir('app'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    // Servers that share the machine's Redis must not share rate-limit counters.
    RATE_LIMIT_KEY_PREFIX: `tessera-test:${randomUUID()}:`,
    ...options.env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [StandaloneModule.forRoot(config, options.overrides)],
  }).compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureHttpApp(app, config);
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
