import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { buildOnce, startStandalone, waitFor, type RunningProcess } from '../support/processes';

/** HEAP_MODE=adaptive (the default) in a started server: once it has been quiet for 5 s, it compacts its heap once and says so. */
describe('the standalone server with the default adaptive heap', () => {
  let dataDir: string;
  let server: RunningProcess;

  beforeAll(async () => {
    buildOnce();
    dataDir = await makeTempDir('adaptive-heap');
    ({ process: server } = await startStandalone({ DATA_DIR: dataDir, LOG_LEVEL: 'info' }));
  }, 90_000);

  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    await removeDir(dataDir);
  });

  const compactions = (): { from: number; to: number; ms: number }[] =>
    [...server.output().matchAll(/quiet: compacted the heap from (\d+) to (\d+) MiB in (\d+) ms/g)].map(([, from, to, ms]) => ({ from: Number(from), to: Number(to), ms: Number(ms) }));

  it('compacts the heap once after 5 s of quiet, gives memory back, and does not compact again while it stays quiet', async () => {
    await waitFor(async () => compactions().length > 0, 30_000, 200);
    const [first] = compactions();
    expect(first.to).toBeLessThan(first.from);
    expect(first.ms).toBeLessThan(5_000);
    await new Promise((r) => setTimeout(r, 7_000));
    expect(compactions()).toHaveLength(1);
  }, 60_000);
});
