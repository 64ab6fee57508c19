import { spawnSync } from 'node:child_process';
import { cp, readFile, symlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import { PROJECTION_DESCRIPTORS } from '@tessera/read-models';
import { binaryPath, makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { buildOnce, freePort, ROOT, startNode, waitFor } from '../support/processes';
import { BoxOfficeDriver, showOf } from './box-office-driver';

/** The operator CLI as `npm run cli` runs it, against a data folder with a real history. */
describe('cli', () => {
  let dataDir: string;
  let bookingId: string;

  const cli = (...args: string[]) => {
    const result = spawnSync(process.execPath, ['--require', join(ROOT, 'tools/swc-register.js'), join(ROOT, 'apps/projector/src/cli/main.ts'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  beforeAll(async () => {
    dataDir = await makeTempDir('cli');
    const events = await EmbeddedEventStore.open({ dataDir });
    const driver = new BoxOfficeDriver(events);
    await driver.createShow(showOf('c1'));
    ({ bookingId } = await driver.placeBooking('c1', 'alice', ['S1-1-1', 'S2-1-1']));
    await driver.payBooking(bookingId);
    await events.close();
  });

  afterAll(async () => {
    await removeDir(dataDir);
  });

  it('rebuilds every projection, then verifies them and reports no lag', () => {
    const rebuilt = cli('projections', 'rebuild', 'all');
    expect(rebuilt.stderr).not.toMatch(/Error/);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/seating: \d+ events up to position 10 .*switched/);
    expect(rebuilt.stdout.split('\n').filter((line) => line.includes('switched'))).toHaveLength(PROJECTION_DESCRIPTORS.length);

    const verified = cli('projections', 'verify');
    expect(verified.code).toBe(0);
    expect(verified.stdout.match(/identical at position 10/g)).toHaveLength(PROJECTION_DESCRIPTORS.length);

    const status = cli('projections', 'status');
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/log head: 10/);
    expect(status.stdout.match(/0 positions behind/g)).toHaveLength(PROJECTION_DESCRIPTORS.length);
  });

  it('exports a stream as NDJSON', async () => {
    const out = join(dataDir, 'booking.ndjson');
    const exported = cli('streams', 'export', `booking-${bookingId}`, '--out', out);
    expect(exported.code).toBe(0);
    const lines = (await readFile(out, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((event) => [event.revision, event.type])).toEqual([
      [0, 'booking.placed.v1'],
      [1, 'booking.confirmed.v1'],
    ]);
    expect(lines[0].metadata).toMatchObject({ actorId: 'alice', schemaVersion: 1 });
    expect(cli('streams', 'export', 'booking-none').code).toBe(1);
  });

  it('says clearly that a running server holds the embedded log', async () => {
    const events = await EmbeddedEventStore.open({ dataDir });
    try {
      const refused = cli('projections', 'verify');
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/in use by a running server. Stop the server first/);
      // status asks the server instead, and says so when none answers where it looked.
      const port = await freePort();
      const unanswered = cli('projections', 'status', '--url', `http://127.0.0.1:${port}`);
      expect(unanswered.code).toBe(2);
      expect(unanswered.stderr).toMatch(new RegExp(`in use by process ${process.pid}, and no server answers at http://127.0.0.1:${port} .*; pass --url`));
    } finally {
      await events.close();
    }
  });

  it('reports the status of a running standalone server from that server, without touching its files', async () => {
    buildOnce();
    const port = await freePort();
    const server = startNode('dist/apps/standalone/src/main.js', { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/health`)).status === 200, 20_000);
      const status = spawnSync(process.execPath, [join(ROOT, 'dist/apps/projector/src/cli/main.js'), 'projections', 'status'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'silent' },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(status.stderr).toBe(`asked the running server at http://127.0.0.1:${port} (process ${server.child.pid} holds DATA_DIR)\n`);
      expect(status.status).toBe(0);
      expect(status.stdout).toMatch(/^log head: 10\n/);
      expect(status.stdout.match(/^\w+_v\d+ +10 {2}0 positions behind$/gm)).toHaveLength(PROJECTION_DESCRIPTORS.length);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 40_000);
});

/** A fresh clone: `npm ci`, then `npm run cli` straight away, with no dist/ built yet. */
describe('cli in a fresh clone', () => {
  let clone: string;
  let dataDir: string;

  beforeAll(async () => {
    clone = await makeTempDir('clone');
    dataDir = await makeTempDir('clone-data');
    // The sources as git has them (no dist/), and the installed node_modules as npm ci leaves them.
    const skipped = new Set(['node_modules', 'dist', '.git', 'data', 'coverage']);
    for (const entry of ['apps', 'libs', 'bench', 'tools', 'package.json', 'package-lock.json', '.swcrc', 'tsconfig.json']) {
      await cp(join(ROOT, entry), join(clone, entry), { recursive: true, filter: (source) => !skipped.has(basename(source)) });
    }
    await symlink(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
    const events = await EmbeddedEventStore.open({ dataDir });
    await new BoxOfficeDriver(events).createShow(showOf('fresh'));
    await events.close();
  });

  afterAll(async () => {
    await removeDir(clone);
    await removeDir(dataDir);
  });

  it('npm run cli builds the code first', () => {
    const run = spawnSync(binaryPath('npm') ?? 'npm', ['run', '--silent', 'cli', '--', 'projections', 'status'], {
      cwd: clone,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^log head: \d+\n/);
    expect(run.stdout.match(/never run/g)).toHaveLength(PROJECTION_DESCRIPTORS.length);
  }, 70_000);
});
