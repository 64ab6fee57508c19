import { randomUUID } from 'node:crypto';
import { appendFile, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { EmbeddedEventStore, repairLog } from '@tessera/platform/event-store/embedded';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { BoxOfficeDriver, showOf } from '../read-side/box-office-driver';
import { buildOnce, freePort, ROOT, startNode, waitFor } from '../support/processes';

/** `npm start` on a damaged log: refuse corruption with one line, cut a torn tail with a warning. */
describe('the standalone process on a damaged event log', () => {
  let dataDir: string;
  const logPath = (): string => join(dataDir, 'eventstore', 'events.log');

  /** Writes five one-event frames through the real store; returns where each frame starts. */
  const writeLog = async (): Promise<number[]> => {
    const store = await EmbeddedEventStore.open({ dataDir });
    const starts: number[] = [];
    for (let n = 0; n < 5; n++) {
      starts.push((await stat(logPath())).size);
      await store.append(`test-${n}`, [{ id: randomUUID(), type: 'test.happened.v1', data: { n }, metadata: { actorId: 'a', correlationId: 'c', causationId: 'c', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 } }]);
    }
    await store.close();
    return starts;
  };

  beforeAll(() => buildOnce());
  beforeEach(async () => {
    dataDir = await makeTempDir('proc-log');
  });
  afterEach(async () => {
    await removeDir(dataDir);
  });

  it('refuses to start on a corrupt log with one line naming the damage, and exit code 65', async () => {
    const starts = await writeLog();
    const bytes = await readFile(logPath());
    bytes[starts[2] + 30] ^= 0x01;
    await writeFile(logPath(), bytes);

    const server = startNode('dist/apps/standalone/src/main.js', { PORT: String(await freePort()), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    const { code } = await server.exited;

    expect(code).toBe(65);
    expect(server.output().trim()).toBe(
      `standalone: event log ${logPath()} is corrupt at byte ${starts[2]}: checksum mismatch; 2 valid records follow it. ` +
        'Nothing was changed: inspect with "npm run cli -- log verify", cut at the damage with "npm run cli -- log repair"',
    );
    expect(await readFile(logPath())).toEqual(bytes);
  });

  it('cuts a torn tail, says so at warn with the offset and byte count, and serves', async () => {
    await writeLog();
    const end = (await stat(logPath())).size;
    // As kill -9 leaves a log mid-write: no record of a clean close, a partial batch at the end.
    await rm(`${logPath()}.clean`);
    await appendFile(logPath(), Buffer.alloc(3000));
    const port = await freePort();

    const server = startNode('dist/apps/standalone/src/main.js', { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/health`)).status === 200, 20_000);
      // pino writes asynchronously: the line may reach stdout a little after the server answers.
      await waitFor(async () => server.output().includes('cut a torn tail'), 5_000);
      const warning = server
        .output()
        .split('\n')
        .find((line) => line.includes('cut a torn tail'));
      expect(JSON.parse(warning as string)).toMatchObject({ level: 40, context: 'EventStore' }) // pino's warn;
      expect(warning).toContain(`cut a torn tail of 3000 bytes at byte ${end}`);
      expect((await stat(logPath())).size).toBe(end);
    } finally {
      server.child.kill('SIGKILL');
      await server.exited;
    }
  });

  it('rebuilds a read model whose snapshot checkpoint counts events a repair removed, instead of resuming from it', async () => {
    const events = await EmbeddedEventStore.open({ dataDir });
    const driver = new BoxOfficeDriver(events);
    await driver.createShow(showOf('r1'));
    for (const [user, seat] of [['alice', 'S1-1-1'], ['bob', 'S1-1-2'], ['carol', 'S2-1-1']]) {
      const { bookingId } = await driver.placeBooking('r1', user, [seat]);
      await driver.payBooking(bookingId);
    }
    const head = await events.headPosition();
    await events.close();
    // Read models (and their snapshot) up to the head.
    const rebuilt = spawnSync(process.execPath, [join(ROOT, 'dist/apps/projector/src/cli/main.js'), 'projections', 'rebuild', 'all'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(rebuilt.status).toBe(0);
    // A repair through the library only: the read models are left as they were.
    const bytes = await readFile(logPath());
    const starts: number[] = [];
    for (let at = 16; at < bytes.length; at += 12 + bytes.readUInt32LE(at + 4)) starts.push(at);
    bytes[starts[starts.length - 3] + 30] ^= 0x01;
    await writeFile(logPath(), bytes);
    const repair = await repairLog(dataDir);
    expect(repair.markerPosition).toBe(head + 1);
    const port = await freePort();

    const server = startNode('dist/apps/standalone/src/main.js', { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/health`)).status === 200, 10_000).catch((error: Error) => {
        throw new Error(`${error.message}; output:\n${server.output().slice(-2000)}`);
      });
      expect(server.output()).toContain(`checkpoint ${head} counts events a log repair removed; rebuilding from the log`);
      expect(server.output()).toContain(`resuming from position 0 (log head ${head + 1})`);
    } finally {
      server.child.kill('SIGKILL');
      await server.exited;
    }
  });
});
