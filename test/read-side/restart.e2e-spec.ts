import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { EmbeddedReadStore } from '@tessera/platform/read-store/embedded';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { Projector } from '../../apps/projector/src/projector';
import { PROJECTIONS } from '../../apps/projector/src/read-models';
import { buildFromLog, hashProjection } from '../../apps/projector/src/rebuild';
import { accessTokenFor, bearer } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';
import { BoxOfficeDriver, showOf } from './box-office-driver';

/**
 * Start-up restores the read models from the snapshot and resumes from the checkpoints. A crash
 * (kill -9) loses whatever happened after the last snapshot, which the log replays: totals stay
 * exact because applying an event twice changes nothing. This is the in-process variant, which
 * stands in for the crash by putting an older snapshot back; kill9-restart.e2e-spec.ts kills the
 * real server process with SIGKILL under HTTP traffic and during its catch-up.
 */
describe('restart of the standalone server', () => {
  let dataDir: string;
  const snapshot = () => join(dataDir, 'read-models', 'read-store.snapshot');
  /** The snapshot file and its journal (what changed since it): both make up the saved read models. */
  const snapshotFiles = () => [snapshot(), `${snapshot()}.journal`];

  beforeEach(async () => {
    dataDir = await makeTempDir('restart');
  });

  afterEach(async () => {
    await removeDir(dataDir);
  });

  const sales = async (server: TestApp, position: number) => {
    const admin = bearer(await accessTokenFor(server, 'root', ['admin']));
    const response = await fetch(`${server.url}/api/analytics/shows/rs/sales`, { headers: { ...admin, 'x-min-position': String(position) } });
    expect(response.status).toBe(200);
    return response.json();
  };

  const expectEqualToRebuild = async (server: TestApp) => {
    const reads = server.app.get(ReadStore);
    await server.app.get(Projector).stop();
    for (const projection of PROJECTIONS) {
      await buildFromLog(server.app.get(EventStore), reads, projection, { suffix: '__zero' });
      expect(await hashProjection(reads, projection)).toBe(await hashProjection(reads, projection, '__zero'));
    }
  };

  it('resumes from an older snapshot (as after kill -9) without double counting', async () => {
    const first = await startTestApp({ dataDir });
    const driver = new BoxOfficeDriver(first.app.get(EventStore));
    await driver.createShow(showOf('rs'));
    for (const seat of ['S1-1-1', 'S1-1-2', 'S2-1-1']) {
      const { bookingId } = await driver.placeBooking('rs', 'alice', [seat]);
      await driver.payBooking(bookingId);
    }
    const middle = await first.app.get(EventStore).headPosition();
    expect(await first.app.get(Projector).waitFor(middle, 5000)).toBe(true);
    await (first.app.get(ReadStore) as EmbeddedReadStore).saveSnapshot();
    for (const file of snapshotFiles()) await copyFile(file, `${file}.old`);

    const refunded = await driver.placeBooking('rs', 'bob', ['S2-2-1', 'S2-2-2']);
    await driver.payBooking(refunded.bookingId);
    await driver.cancelBooking(refunded.bookingId);
    const late = await driver.placeBooking('rs', 'bob', ['S2-2-3']);
    const end = (await driver.payBooking(late.bookingId)).position;
    const before = await sales(first, end);
    await first.close({ keepData: true });
    // The crash: the snapshot on disk is the one from the middle of the stream.
    for (const file of snapshotFiles()) await copyFile(`${file}.old`, file);

    const second = await startTestApp({ dataDir });
    try {
      const after = await sales(second, end);
      expect(after).toEqual(before);
      expect(after).toMatchObject({
        byCategory: [
          { categoryId: 'std', sold: 2, revenue: 9000 },
          { categoryId: 'vip', sold: 2, revenue: 24000 },
        ],
        holdsPlaced: 5,
        bookingsConfirmed: 5,
        bookingsRefunded: 1,
        refundedAmount: 9000,
      });
      await expectEqualToRebuild(second);
    } finally {
      await second.close({ keepData: true });
    }
  });

  it('rebuilds from the log when the snapshot is damaged', async () => {
    const first = await startTestApp({ dataDir });
    const driver = new BoxOfficeDriver(first.app.get(EventStore));
    await driver.createShow(showOf('rs'));
    const { bookingId } = await driver.placeBooking('rs', 'alice', ['S1-1-1', 'S2-1-1']);
    const end = (await driver.payBooking(bookingId)).position;
    const before = await sales(first, end);
    await first.close({ keepData: true });
    await writeFile(snapshot(), 'not a snapshot');

    const second = await startTestApp({ dataDir });
    try {
      expect(await sales(second, end)).toEqual(before);
      expect(before).toMatchObject({ bookingsConfirmed: 1, byCategory: [{ categoryId: 'std', sold: 1 }, { categoryId: 'vip', sold: 1 }] });
    } finally {
      await second.close({ keepData: true });
    }
  });
});
