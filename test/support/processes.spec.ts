import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { buildOnce, startStandalone } from './processes';

describe('startStandalone (the e2e suites start the built server through it)', () => {
  let dataDir: string;
  beforeAll(async () => {
    buildOnce();
    dataDir = await makeTempDir('start-standalone');
  });
  afterAll(() => removeDir(dataDir));

  it('fails at once with what the server printed when it exits before it is ready', async () => {
    const started = Date.now();
    await expect(startStandalone({ DATA_DIR: dataDir, NODE_ENV: 'production' }, { timeoutMs: 30_000 })).rejects.toThrow(
      /the standalone server on port \d+ exited \(\d+\); it printed:\n[\s\S]*JWT_SECRET must be set when NODE_ENV=production/,
    );
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('answers a ready server on 127.0.0.1', async () => {
    const { url, process: server } = await startStandalone({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${url}/health`)).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
