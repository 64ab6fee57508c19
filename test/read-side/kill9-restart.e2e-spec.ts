import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { BookedSeat, BookingEvent } from '@tessera/contracts';
import { PROJECTION_DESCRIPTORS } from '@tessera/read-models';
import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import { FAULT_INJECTION_VARIABLE } from '@tessera/platform/fault-injection';
import { EmbeddedReadStore } from '@tessera/platform/read-store/embedded';
import { readSnapshotText } from '@tessera/platform/read-store/embedded/snapshot-file';
import { createTokenService } from '@tessera/platform/security/token-service';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { GOOD_CARD } from '../box-office/box-office-client';
import { checkpointName } from '../../apps/projector/src/projection-engine';
import { PROJECTIONS } from '../../apps/projector/src/read-models';
import { buildOnce, freePort, ROOT, startNode, waitFor, type RunningProcess } from '../support/processes';

/**
 * kill -9 of the real standalone server while bookings are being written, then restarts on the
 * same DATA_DIR (issue 5); restart.e2e-spec.ts is the in-process variant. The snapshot on disk is
 * the one a first, graceful stop wrote; a second server takes more traffic and is killed in the
 * middle of it, the next is killed as soon as its projector starts catching up, and the last must
 * serve exactly what the log says: every acknowledged booking, nothing counted twice.
 */

const JWT_SECRET = 'kill9-restart-secret-of-at-least-32-chars';
const tokens = createTokenService({ secret: JWT_SECRET, production: false, logger: new Logger('test') });
const tokenFor = async (userId: string, roles: ('user' | 'admin')[] = ['user']) => (await tokens.issueAccessToken({ userId, roles })).accessToken;

const PRICES: Record<string, number> = { vip: 12000, std: 4500 };
const SECTIONS = [
  { id: 'A', categoryId: 'vip' },
  { id: 'B', categoryId: 'std' },
];
const ROWS = 12;
const SEATS_PER_ROW = 20;
/** Log positions written after the snapshot before the kill: more than one catch-up read (512 events), so step 3 dies mid catch-up. */
const BACKLOG = 1200;

type Status = 'held' | 'confirmed' | 'cancelled' | 'refunded';

interface KnownBooking {
  bookingId: string;
  userId: string;
  seats: string[];
  status: Status;
}

/** A write whose answer never came: the kill cut it off, so the log alone says whether it happened. */
type Unanswered = { kind: 'place'; userId: string; seats: string[] } | { kind: 'pay' | 'cancel'; bookingId: string };

/** A booking as its events in the log leave it. */
interface LoggedBooking {
  bookingId: string;
  userId: string;
  seats: BookedSeat[];
  status: Status | 'expired';
  confirmed: boolean;
  refundedAmount: number;
}

class ServerGone extends Error {}

describe('kill -9 of the standalone server and restart on the same DATA_DIR', () => {
  let dataDir: string;
  const children: RunningProcess[] = [];
  let server: RunningProcess;
  let url: string;

  beforeAll(async () => {
    buildOnce();
    dataDir = await makeTempDir('kill9');
  });

  afterAll(async () => {
    for (const child of children) {
      child.child.kill('SIGKILL');
      await child.exited;
    }
    await removeDir(dataDir);
  });

  const SNAPSHOT = () => join(dataDir, 'read-models', 'read-store.snapshot');
  /** The snapshot file and its journal, as text (null for one that is not there). */
  const snapshotFilesText = async () => [await readSnapshotText(SNAPSHOT()), await readSnapshotText(`${SNAPSHOT()}.journal`)];

  const start = async (options: { logLevel?: string; ready?: boolean; crashAt?: string } = {}) => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = startNode('dist/apps/standalone/src/main.js', {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      JWT_SECRET,
      TICKET_SIGNING_KEY: 'kill9-restart-ticket-key-of-32-characters',
      NODE_ENV: 'development',
      LOG_LEVEL: options.logLevel ?? 'warn',
      ...(options.crashAt ? { [FAULT_INJECTION_VARIABLE]: options.crashAt } : {}),
    });
    children.push(server);
    // /health is 200 only once the projections have caught up with the log.
    const started = server;
    if (options.ready !== false) {
      await waitFor(async () => (await fetch(`${url}/health`)).status === 200, 15_000).catch((error: Error) => {
        throw new Error(`${error.message}; server output:\n${started.output().slice(-2000)}`);
      });
    }
    return started;
  };

  const expectKilled = async (killed: RunningProcess) => {
    const exit = await killed.exited;
    if (exit.signal !== 'SIGKILL') throw new Error(`expected death by SIGKILL, got ${JSON.stringify(exit)}; output:\n${killed.output().slice(-2000)}`);
  };

  const stopGracefully = async () => {
    server.child.kill('SIGTERM');
    expect(await server.exited).toMatchObject({ code: 0, signal: null });
  };

  const send = async (method: 'GET' | 'POST', path: string, token: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
  };

  // ---- the traffic and what the answers promise ---------------------------------------------------

  const known = new Map<string, KnownBooking>();
  const unanswered: Unanswered[] = [];
  let highestPosition = 0;
  /** The second run is killed once an answer reaches this log position. */
  let killAt = Number.POSITIVE_INFINITY;
  let killed = false;
  let showId: string;
  let admin: string;

  /** Seats in the order they are sold: VIP and standard by turns. */
  const freeSeats = Array.from({ length: ROWS * SEATS_PER_ROW }, (_, i) =>
    SECTIONS.map(({ id }) => `${id}-${Math.floor(i / SEATS_PER_ROW) + 1}-${(i % SEATS_PER_ROW) + 1}`),
  ).flat();
  let nextFan = 0;

  const acknowledge = (answer: { status: number; body: Record<string, unknown> }, expected: number) => {
    if (answer.status !== expected) throw new Error(`expected ${expected}, got ${answer.status} ${JSON.stringify(answer.body)}`);
    highestPosition = Math.max(highestPosition, Number(answer.body.position));
    // The kill lands while the other fans' requests are on the wire.
    if (highestPosition >= killAt && !killed) {
      killed = true;
      server.child.kill('SIGKILL');
    }
    return answer.body;
  };

  /** A write over HTTP; a connection the kill cut off is remembered as unanswered. */
  const write = async <T>(attempt: Unanswered, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      // fetch's TypeError comes from Node's realm, not jest's: compare by name, not instanceof.
      if ((error as Error).name === 'TypeError' && /fetch failed/.test((error as Error).message)) {
        unanswered.push(attempt);
        throw new ServerGone();
      }
      throw error;
    }
  };

  /** One fan's visit: hold one or two seats, then pay, pay and cancel (refund), cancel, or walk away. */
  const visit = async () => {
    const fan = nextFan++;
    const userId = `fan-${fan}`;
    const token = await tokenFor(userId);
    const seats = freeSeats.splice(0, fan % 3 === 0 ? 1 : 2);
    if (seats.length === 0) throw new Error('the show is sold out: give it more seats');
    const placed = await write({ kind: 'place', userId, seats }, async () => acknowledge(await send('POST', '/api/bookings', token, { showId, seats }), 201));
    const booking: KnownBooking = { bookingId: placed.bookingId as string, userId, seats, status: 'held' };
    known.set(booking.bookingId, booking);
    const plan = fan % 4;
    if (plan === 0 || plan === 1) {
      await write({ kind: 'pay', bookingId: booking.bookingId }, async () =>
        acknowledge(await send('POST', `/api/bookings/${booking.bookingId}/payment`, token, { card: GOOD_CARD }), 200),
      );
      booking.status = 'confirmed';
    }
    if (plan === 1 || plan === 2) {
      const cancelled = await write({ kind: 'cancel', bookingId: booking.bookingId }, async () =>
        acknowledge(await send('POST', `/api/bookings/${booking.bookingId}/cancel`, token), 200),
      );
      booking.status = cancelled.status as Status;
    }
  };

  /** `fans` visitors at a time until `until` says stop or the server is gone. */
  const traffic = async (fans: number, until: () => boolean) => {
    const visitor = async () => {
      while (!until()) {
        try {
          await visit();
        } catch (error) {
          if (error instanceof ServerGone) return;
          throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: fans }, visitor));
  };

  // ---- what the log says ----------------------------------------------------------------------

  const readLog = async () => {
    const log = await EmbeddedEventStore.open({ dataDir });
    const bookings = new Map<string, LoggedBooking>();
    try {
      for await (const recorded of log.readAll()) {
        if (!recorded.type.startsWith('booking.')) continue;
        const event = { type: recorded.type, data: recorded.data } as BookingEvent;
        if (event.type === 'booking.placed.v1') {
          const { bookingId, userId, seats } = event.data;
          bookings.set(bookingId, { bookingId, userId, seats, status: 'held', confirmed: false, refundedAmount: 0 });
          continue;
        }
        const booking = bookings.get(event.data.bookingId);
        if (!booking) throw new Error(`${event.type} of a booking never placed: ${event.data.bookingId}`);
        if (event.type === 'booking.confirmed.v1') Object.assign(booking, { status: 'confirmed', confirmed: true });
        else if (event.type === 'booking.cancelled.v1') booking.status = 'cancelled';
        else if (event.type === 'booking.expired.v1') booking.status = 'expired';
        else if (event.type === 'booking.refunded.v1') Object.assign(booking, { status: 'refunded', refundedAmount: booking.refundedAmount + event.data.amount });
        // A payment's claim before it charges: the booking stays held until the outcome.
        else if (event.type === 'booking.payment-started.v1') continue;
        else throw new Error(`unexpected ${event.type} in this traffic`);
      }
    } finally {
      await log.close();
    }
    return bookings;
  };

  /** The sales analytics as the log implies them, counted here without the projector's code. */
  const salesOf = (bookings: LoggedBooking[]) => {
    const byCategory = Object.fromEntries(Object.keys(PRICES).map((id) => [id, { categoryId: id, sold: 0, revenue: 0 }]));
    for (const booking of bookings.filter((b) => b.status === 'confirmed')) {
      for (const seat of booking.seats) {
        byCategory[seat.categoryId].sold++;
        byCategory[seat.categoryId].revenue += seat.price;
      }
    }
    return {
      byCategory: Object.values(byCategory).sort((a, b) => a.categoryId.localeCompare(b.categoryId)),
      holdsPlaced: bookings.length,
      holdsExpired: 0,
      holdsCancelled: bookings.filter((b) => b.status === 'cancelled').length,
      bookingsConfirmed: bookings.filter((b) => b.confirmed).length,
      bookingsRefunded: bookings.filter((b) => b.status === 'refunded').length,
      refundedAmount: bookings.reduce((sum, b) => sum + b.refundedAmount, 0),
      paymentsDeclined: 0,
    };
  };

  it('loses no acknowledged booking and counts no sale twice, even when killed again during catch-up', async () => {
    // 1. A graceful run: its stop writes the snapshot the later restarts begin from.
    await start();
    admin = await tokenFor('admin', ['admin']);
    const created = await send('POST', '/api/shows', admin, {
      name: 'Night Concert',
      venue: 'Arena',
      startsAt: '2099-05-01T19:30:00Z',
      currency: 'EUR',
      holdMinutes: 10,
      maxSeatsPerBooking: 8,
      categories: [
        { id: 'vip', name: 'VIP', price: PRICES.vip },
        { id: 'std', name: 'Standard', price: PRICES.std },
      ],
      sections: SECTIONS.map(({ id, categoryId }) => ({
        id,
        name: `Section ${id}`,
        categoryId,
        rows: Array.from({ length: ROWS }, (_, row) => ({ label: String(row + 1), seats: SEATS_PER_ROW })),
      })),
    });
    showId = acknowledge(created, 201).showId as string;
    acknowledge(await send('POST', `/api/shows/${showId}/publish`, admin), 200);
    await traffic(4, () => nextFan >= 8);
    const snapshotted = highestPosition;
    await stopGracefully();

    // 2. More traffic after that snapshot, and SIGKILL while eight fans are still writing. The
    //    backlog is longer than one catch-up batch, which step 3 needs.
    await start();
    killAt = snapshotted + BACKLOG;
    await traffic(8, () => false);
    await expectKilled(server);
    expect(unanswered.length).toBeGreaterThan(0);
    // The restart must replay from an older snapshot: it holds none of the second run's writes.
    const snapshotText = await snapshotFilesText();
    // The projector's own checkpoints: the booking schedule and the show-cancellation reaction
    // keep theirs in the same collection, and the projector does not resume from those. Read as
    // the server reads them: the snapshot file, then its journal.
    const saved = new EmbeddedReadStore({ snapshotDir: join(dataDir, 'read-models') });
    expect(await saved.open()).toMatchObject({ status: 'loaded' });
    const projectorCheckpoints = new Set(PROJECTIONS.map((projection) => checkpointName(projection)));
    const checkpoints = (await saved.collection<{ _id: string; position: number }>('checkpoints').find({}))
      .filter((checkpoint) => projectorCheckpoints.has(checkpoint._id))
      .map((checkpoint) => checkpoint.position);
    await saved.close();
    expect(checkpoints).toHaveLength(PROJECTIONS.length);
    expect(checkpoints.length).toBeGreaterThan(0);
    expect(Math.max(...checkpoints)).toBeLessThanOrEqual(snapshotted);
    expect(highestPosition).toBeGreaterThan(snapshotted);

    // 3. Killed again during its catch-up: the projector kills the process (fault injection)
    //    once it has applied its first catch-up batch. A killed start-up writes nothing.
    const restarting = await start({ logLevel: 'info', ready: false, crashAt: 'projector:catch-up-batch' });
    await expectKilled(restarting);
    expect(restarting.output()).toMatch(/fault injection: SIGKILL at projector:catch-up-batch/);
    expect(restarting.output()).not.toMatch(/caught up at position/);
    expect(await snapshotFilesText()).toEqual(snapshotText);

    // 4. The last restart resumes from the snapshot (no rebuild from zero) and must answer
    //    exactly what the log holds.
    const last = await start({ logLevel: 'info' });
    await waitFor(async () => /resuming from position \d+/.test(last.output()), 5_000);
    expect(last.output().match(/resuming from position (\d+)/)?.[1]).toBe(String(Math.min(...checkpoints)));
    const fresh = { 'x-min-position': String(highestPosition) };
    const seen = new Map(
      await Promise.all(
        [...known.values()].map(
          async (booking) => [booking.bookingId, await send('GET', `/api/bookings/${booking.bookingId}`, await tokenFor(booking.userId), undefined, fresh)] as const,
        ),
      ),
    );
    const listed = new Map<string, Record<string, unknown>[]>();
    for (const attempt of unanswered.filter((a) => a.kind === 'place')) {
      const mine = await send('GET', '/api/me/bookings', await tokenFor(attempt.userId), undefined, fresh);
      listed.set(attempt.userId, mine.body.items as Record<string, unknown>[]);
    }
    const sales = await send('GET', `/api/analytics/shows/${showId}/sales`, admin, undefined, fresh);
    const seatMap = await send('GET', `/api/shows/${showId}/seats`, admin, undefined, fresh);
    await stopGracefully();

    const logged = await readLog();
    // Every acknowledged write is in the log; a cut-off one may or may not be, and nothing else is.
    const lost = [...known.values()].flatMap((booking) => {
      const inLog = logged.get(booking.bookingId)?.status;
      const cutOff = unanswered.find((a) => a.kind !== 'place' && a.bookingId === booking.bookingId);
      const possible = !cutOff
        ? [booking.status]
        : cutOff.kind === 'pay'
          ? ['held', 'confirmed']
          : [booking.status, booking.status === 'confirmed' ? 'refunded' : 'cancelled'];
      return possible.includes(inLog as Status) ? [] : [{ bookingId: booking.bookingId, acknowledged: booking.status, inLog }];
    });
    expect(lost).toEqual([]);
    for (const booking of logged.values()) {
      if (known.has(booking.bookingId)) continue;
      expect(unanswered).toContainEqual({ kind: 'place', userId: booking.userId, seats: booking.seats.map((seat) => seat.seatId) });
      expect(booking.status).toBe('held');
    }

    // Every booking shows the state the log left it in, with its tickets once paid.
    for (const booking of known.values()) {
      const inLog = logged.get(booking.bookingId) as LoggedBooking;
      const answer = seen.get(booking.bookingId);
      expect({ bookingId: booking.bookingId, answer: answer?.status, status: answer?.body.status }).toEqual({
        bookingId: booking.bookingId,
        answer: 200,
        status: inLog.status,
      });
      // A refunded booking still lists its (now void) tickets.
      expect((answer?.body.tickets as unknown[]).length).toBe(inLog.confirmed ? booking.seats.length : 0);
    }
    for (const [userId, items] of listed) {
      const inLog = [...logged.values()].filter((booking) => booking.userId === userId);
      expect(items.map((item) => [item.bookingId, item.status])).toEqual(inLog.map((booking) => [booking.bookingId, booking.status]));
    }

    // Sales totals: what the log implies, once.
    const all = [...logged.values()];
    expect(sales.status).toBe(200);
    expect(sales.body).toMatchObject(salesOf(all));
    const byHour = sales.body.byHour as { sold: number; revenue: number }[];
    const byCategory = sales.body.byCategory as { sold: number; revenue: number }[];
    expect(byHour.reduce((sum, hour) => sum + hour.sold, 0)).toBe(byCategory.reduce((sum, category) => sum + category.sold, 0));
    expect(byHour.reduce((sum, hour) => sum + hour.revenue, 0)).toBe(byCategory.reduce((sum, category) => sum + category.revenue, 0));
    expect(salesOf(all).bookingsConfirmed).toBeGreaterThan(10);
    expect(salesOf(all).bookingsRefunded).toBeGreaterThan(2);

    // The seat map: sold and held seats exactly.
    const seatsIn = (status: Status) => all.filter((booking) => booking.status === status).flatMap((booking) => booking.seats.map((seat) => seat.seatId));
    const mapped = seatMap.body.seats as { seatId: string; status: string }[];
    expect(mapped).toHaveLength(SECTIONS.length * ROWS * SEATS_PER_ROW);
    const onMap = (status: string) => mapped.filter((seat) => seat.status === status).map((seat) => seat.seatId).sort();
    expect(onMap('sold')).toEqual(seatsIn('confirmed').sort());
    expect(onMap('held')).toEqual(seatsIn('held').sort());

    // A rebuild from position 0 by the operator CLI gives the same read models as the restored ones.
    const verified = spawnSync(process.execPath, [join(ROOT, 'dist/apps/projector/src/cli/main.js'), 'projections', 'verify'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(verified.stderr).toBe('');
    const identicalAt = [...verified.stdout.matchAll(/: identical at position (\d+)/g)].map((match) => Number(match[1]));
    expect(identicalAt).toHaveLength(PROJECTION_DESCRIPTORS.length);
    for (const position of identicalAt) expect(position).toBeGreaterThanOrEqual(highestPosition);
    expect(verified.status).toBe(0);
  }, 60_000);
});
