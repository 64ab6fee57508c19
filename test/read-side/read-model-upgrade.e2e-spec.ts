import { join } from 'node:path';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { EmbeddedReadStore } from '@tessera/platform/read-store/embedded';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { Projector } from '../../apps/projector/src/projector';
import { accessTokenFor, bearer } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';

/** One ticket key for both starts, so that a code is the same before and after the upgrade (without it each start draws its own). */
const SAME_KEYS = { TICKET_SIGNING_KEY: 'read-model-upgrade-ticket-key-0123456789abcdef' };
import { BoxOfficeDriver, showOf } from './box-office-driver';

/**
 * Version 2 of the bookings and tickets read models keeps each user's booking and ticket ids, where
 * version 1 kept a copy of every summary. A snapshot the previous release wrote holds version 1:
 * start-up drops it and rebuilds version 2 from the log, and every answer stays the same.
 */
describe('a snapshot holding version 1 of the bookings and tickets read models', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await makeTempDir('read-model-upgrade');
  });

  afterEach(async () => {
    await removeDir(dataDir);
  });

  const read = async (server: TestApp, userId: string) => {
    const auth = bearer(await accessTokenFor(server, userId));
    const answers: Record<string, unknown> = {};
    for (const path of ['/api/me/bookings', '/api/me/tickets']) {
      const response = await fetch(`${server.url}${path}`, { headers: auth });
      expect(response.status).toBe(200);
      // Each test app signs with a key of its own: the code's ticket id and version are compared.
      answers[path] = (await response.text()).replace(/("code":"T1\.[^".]+\.\d+)\.[^"]+"/g, '$1"');
    }
    return answers;
  };

  it('is dropped at start-up and rebuilt from the log as version 2, with the same answers', async () => {
    const first = await startTestApp({ dataDir, env: SAME_KEYS });
    const driver = new BoxOfficeDriver(first.app.get(EventStore));
    await driver.createShow(showOf('up'));
    const paid = await driver.placeBooking('up', 'alice', ['S1-1-1', 'S1-1-2']);
    const { ticketIds } = await driver.payBooking(paid.bookingId);
    await driver.placeBooking('up', 'alice', ['S2-1-1']);
    const bobs = await driver.placeBooking('up', 'bob', ['S2-1-2']);
    await driver.payBooking(bobs.bookingId);
    const end = await driver.transferTicket(ticketIds[0], 'alice', 'bob');
    expect(await first.app.get(Projector).waitFor(end, 5000)).toBe(true);
    const before = { alice: await read(first, 'alice'), bob: await read(first, 'bob') };
    expect(JSON.parse(before.alice['/api/me/bookings'] as string).items).toHaveLength(2);
    expect(JSON.parse(before.bob['/api/me/tickets'] as string).items).toHaveLength(2);
    // The transferred ticket's code is its second version (T2.{kid}.{ticketId}.{version}.{signature}).
    expect(before.bob['/api/me/tickets']).toMatch(new RegExp(`"code":"T2\\.[^."]+\\.${ticketIds[0]}\\.2\\.`));
    await first.close({ keepData: true });

    // What the previous release left: version 1 collections and checkpoints, the users' lists
    // holding a copy of each summary.
    const old = new EmbeddedReadStore({ snapshotDir: join(dataDir, 'read-models') });
    await old.open();
    for (const logical of ['bookings', 'user_bookings', 'tickets', 'user_tickets']) await old.renameCollection(`${logical}_v2`, `${logical}_v1`);
    for (const user of await old.collection('user_bookings_v1').find({})) {
      const bookings = await old.collection('bookings_v1').find({ _id: { $in: Object.keys(user.bookingIds as object) } });
      const summaries = Object.fromEntries(bookings.map(({ _id, _position, userId: _user, ...summary }) => [_id, summary]));
      await old.collection('user_bookings_v1').replaceOne({ _id: user._id }, { _id: user._id, _position: user._position, userId: user.userId, bookings: summaries });
    }
    for (const user of await old.collection('user_tickets_v1').find({})) {
      const tickets = await old.collection('tickets_v1').find({ _id: { $in: Object.keys(user.ticketIds as object) } });
      const summaries = Object.fromEntries(tickets.map(({ _id, _position, ownerId: _owner, checkedInAt: _checkedIn, ...summary }) => [_id, summary]));
      await old.collection('user_tickets_v1').replaceOne({ _id: user._id }, { _id: user._id, _position: user._position, userId: user.userId, tickets: summaries });
    }
    for (const name of ['bookings', 'tickets']) {
      await old.saveCheckpoint(`${name}_v1`, (await old.getCheckpoint(`${name}_v2`)) as number);
      await old.deleteCheckpoint(`${name}_v2`);
    }
    await old.saveSnapshot();
    await old.close();

    const second = await startTestApp({ dataDir, env: SAME_KEYS });
    try {
      expect(await second.app.get(Projector).waitFor(end, 5000)).toBe(true);
      const reads = second.app.get(ReadStore);
      const collections = await reads.listCollections();
      expect(collections.filter((name) => name.endsWith('_v1') && /bookings|tickets/.test(name) && !name.startsWith('sales'))).toEqual([]);
      expect(collections).toEqual(expect.arrayContaining(['bookings_v2', 'user_bookings_v2', 'tickets_v2', 'user_tickets_v2']));
      expect(await reads.getCheckpoint('bookings_v1')).toBeNull();
      expect(await reads.getCheckpoint('tickets_v2')).toBeGreaterThanOrEqual(end);
      expect({ alice: await read(second, 'alice'), bob: await read(second, 'bob') }).toEqual(before);
    } finally {
      await second.close({ keepData: true });
    }
  });
});
