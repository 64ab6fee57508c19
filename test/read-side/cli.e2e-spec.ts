import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { ROOT } from '../support/processes';
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
    expect(rebuilt.stdout.split('\n').filter((line) => line.includes('switched'))).toHaveLength(4);

    const verified = cli('projections', 'verify');
    expect(verified.code).toBe(0);
    expect(verified.stdout.match(/identical at position 10/g)).toHaveLength(4);

    const status = cli('projections', 'status');
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/log head: 10/);
    expect(status.stdout.match(/0 positions behind/g)).toHaveLength(4);
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
      const refused = cli('projections', 'status');
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/in use by a running server. Stop the server first/);
    } finally {
      await events.close();
    }
  });
});
