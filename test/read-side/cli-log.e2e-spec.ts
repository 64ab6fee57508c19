import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import { PROJECTION_DESCRIPTORS } from '@tessera/read-models';
import { EmbeddedReadStore } from '@tessera/platform/read-store/embedded';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { ROOT } from '../support/processes';
import { BoxOfficeDriver, showOf } from './box-office-driver';

/** `npm run cli -- log verify | repair` against a log written through the real store. */
describe('cli: log verify and repair', () => {
  let dataDir: string;
  const logPath = (): string => join(dataDir, 'eventstore', 'events.log');

  const cli = (...args: string[]) => {
    const result = spawnSync(process.execPath, ['--require', join(ROOT, 'tools/swc-register.js'), join(ROOT, 'apps/projector/src/cli/main.ts'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  /** Offsets where the log's frames start (frames follow each other from byte 16). */
  const frameStarts = (bytes: Buffer): number[] => {
    const starts: number[] = [];
    for (let at = 16; at < bytes.length; at += 12 + bytes.readUInt32LE(at + 4)) starts.push(at);
    return starts;
  };

  let bookings: string[];
  let head: number;

  beforeAll(async () => {
    dataDir = await makeTempDir('cli-log');
    const events = await EmbeddedEventStore.open({ dataDir });
    const driver = new BoxOfficeDriver(events);
    await driver.createShow(showOf('c1'));
    bookings = [];
    for (const [user, seat] of [['alice', 'S1-1-1'], ['bob', 'S1-1-2'], ['carol', 'S2-1-1'], ['dave', 'S2-1-2']]) {
      const { bookingId } = await driver.placeBooking('c1', user, [seat]);
      await driver.payBooking(bookingId);
      bookings.push(bookingId);
    }
    head = await events.headPosition();
    await events.close();
  });

  afterAll(async () => {
    await removeDir(dataDir);
  });

  it('verifies a healthy log, then reports damage without changing it, then repairs it explicitly', async () => {
    const healthy = cli('log', 'verify');
    expect(healthy.stderr).toBe('');
    expect(healthy.code).toBe(0);
    expect(healthy.stdout).toMatch(new RegExp(`events, last position ${head}\\nstate: healthy`));

    // Read models up to the head, so their checkpoints lie past the head the repair will keep.
    expect(cli('projections', 'rebuild', 'all').code).toBe(0);
    // And a reaction's checkpoint (the command side's hold-expiry sweeper) at the head.
    const reads = new EmbeddedReadStore({ snapshotDir: join(dataDir, 'read-models') });
    await reads.open();
    await reads.saveCheckpoint('command-api.hold-expiry', head);
    await reads.saveSnapshot();
    await reads.close();

    const bytes = await readFile(logPath());
    const starts = frameStarts(bytes);
    const damagedFrame = starts.length - 4;
    bytes[starts[damagedFrame] + 40] ^= 0xff;
    await writeFile(logPath(), bytes);

    const damaged = cli('log', 'verify');
    expect(damaged.code).toBe(65);
    expect(damaged.stdout).toContain(`first bad frame: byte ${starts[damagedFrame]} (checksum mismatch)`);
    expect(damaged.stdout).toMatch(/valid after it: \d+ records in 3 frames/);
    expect(damaged.stdout).toContain(`state: CORRUPT: event log ${logPath()} is corrupt at byte ${starts[damagedFrame]}`);
    expect(await readFile(logPath())).toEqual(bytes);
    // Every other command refuses the damaged log with the same one line and exit code.
    const refused = cli('projections', 'status');
    expect(refused.code).toBe(65);
    expect(refused.stderr.trim().split('\n')).toEqual([expect.stringContaining(`is corrupt at byte ${starts[damagedFrame]}: checksum mismatch; `)]);
    expect(await readFile(logPath())).toEqual(bytes);

    const repaired = cli('log', 'repair');
    expect(repaired.stderr).toBe('');
    expect(repaired.code).toBe(0);
    const saved = /kept in (\S+)/.exec(repaired.stdout)?.[1] as string;
    expect(await readFile(saved)).toEqual(bytes.subarray(starts[damagedFrame]));
    expect(repaired.stdout).toContain(`cut ${logPath()} at byte ${starts[damagedFrame]} (checksum mismatch)`);
    // The last bookings' later events are listed by stream; the damaged frame's by position.
    expect(repaired.stdout).toMatch(new RegExp(`booking-${bookings[3]}: revisions? \\d`));
    expect(repaired.stdout).toMatch(/positions [\d.]+: in damaged frames, streams unknown/);
    const lostFrom = Number(/lost \d+ positions \(\d+ decodable events\), (\d+)\.\.(\d+):/.exec(repaired.stdout)?.[1]);
    expect(repaired.stdout).toContain(`, ${lostFrom}..${head}:`);
    expect(repaired.stdout).toContain(`position ${head + 1} holds the repair marker ($log-repairs); the next append gets ${head + 2}`);
    expect(repaired.stdout).toMatch(/read model seating_v\d+: checkpoint \d+ was past the kept head \d+; rebuilt/);
    expect(repaired.stdout).toContain(`checkpoint command-api.hold-expiry: ${head} was past the kept head; moved back to ${lostFrom - 1}`);

    expect(cli('log', 'verify').code).toBe(0);
    const status = cli('projections', 'status');
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`log head: ${head + 1}`);
    expect(status.stdout.match(/ 0 positions behind/g)).toHaveLength(PROJECTION_DESCRIPTORS.length);
    const verified = cli('projections', 'verify');
    expect(verified.code).toBe(0);

    const events = await EmbeddedEventStore.open({ dataDir });
    try {
      const driver = new BoxOfficeDriver(events);
      await driver.placeBooking('c1', 'erin', ['S1-2-1']);
      const appended: number[] = [];
      for await (const event of events.readAll({ after: lostFrom - 1 })) appended.push(event.position);
      // The removed positions stay empty; new events continue after the marker.
      expect(appended.filter((position) => position >= lostFrom && position <= head + 1)).toEqual([]);
      expect(appended.find((position) => position > head)).toBe(head + 2);
    } finally {
      await events.close();
    }

    expect(cli('log', 'repair').stdout).toContain('nothing to repair');
  });

  it('says clearly that a running server holds the log', async () => {
    const events = await EmbeddedEventStore.open({ dataDir });
    try {
      for (const command of ['verify', 'repair']) {
        const refused = cli('log', command);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toMatch(/is in use by a running server. Stop the server first/);
      }
    } finally {
      await events.close();
    }
  });
});
