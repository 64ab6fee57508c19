import { bookingStream, seatStream } from '@tessera/contracts';
import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { RedlockSeatLocks } from '@tessera/platform/seat-locks/redlock-seat-locks';
import { describeWithService, makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { BookingProbe } from '../../apps/command-api/src/bookings/booking-probe';
import { accessTokenFor } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { createShow, post } from './box-office-client';

const REDIS = ['redis://127.0.0.1:6379'];
const JWT_SECRET = 'contention-test-secret-of-at-least-32-chars';

/**
 * Two command-api instances on one log, each with its own Redlock client on the machine's Redis:
 * what a scaled-out deployment looks like, in one test process.
 */
describeWithService('redis', 'seat holds across two instances (Redlock on the real Redis)', () => {
  let dataDir: string;
  let log: EmbeddedEventStore;
  let servers: TestApp[];
  let locks: RedlockSeatLocks[];

  const startTwo = async (env: Record<string, string> = {}) => {
    // What this test checks is who gets which seat, not the lock servers' speed: with the default
    // 500 ms command timeout, CI's busy machine (two apps in this one process, other suites beside
    // it) turned slow Redis answers into a few 503s. The timeout itself is covered by the seat-lock
    // contract suite.
    locks = [0, 1].map(() => new RedlockSeatLocks(REDIS, { commandTimeoutMs: 5_000, connectTimeoutMs: 5_000 }));
    servers = await Promise.all(
      locks.map((seatLocks) => startTestApp({ env: { JWT_SECRET, ...env }, overrides: { eventStore: log, seatLocks } })),
    );
  };

  beforeEach(async () => {
    dataDir = await makeTempDir('contention');
    log = await EmbeddedEventStore.open({ dataDir });
  });

  afterEach(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await Promise.all(locks.map((lock) => lock.close()));
    await log.close();
    await removeDir(dataDir);
  });

  const readAll = async (): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const event of log.readAll()) events.push(event);
    return events;
  };

  it('500 concurrent buyers for 50 seats: no seat ever has two live claims, and every answer agrees with the log', async () => {
    await startTwo();
    const admin = await accessTokenFor(servers[0], 'admin', ['admin']);
    const showId = await createShow(servers[0].url, admin, { rows: 5, seatsPerRow: 10 });
    const seats = Array.from({ length: 50 }, (_, i) => `A-${Math.floor(i / 10) + 1}-${(i % 10) + 1}`);
    // A seeded generator keeps a failure reproducible.
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const buyers = await Promise.all(
      Array.from({ length: 500 }, async (_, i) => {
        const wanted = new Set<string>();
        const count = 1 + Math.floor(random() * 4);
        while (wanted.size < count) wanted.add(seats[Math.floor(random() * seats.length)]);
        const server = servers[i % 2];
        return { userId: `buyer-${i}`, server, seats: [...wanted], token: await accessTokenFor(server, `buyer-${i}`) };
      }),
    );

    const answers = await Promise.all(
      buyers.map(async (buyer) => ({ buyer, res: await post(`${buyer.server.url}/api/bookings`, buyer.token, { showId, seats: buyer.seats }) })),
    );

    const statuses = answers.map(({ res }) => res.status);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const held = answers.filter(({ res }) => res.status === 201);
    expect(held.length).toBeGreaterThan(0);

    const events = await readAll();
    // 1. Per seat, replayed in log order: a hold only ever lands on a free seat.
    const claimant = new Map<string, string>();
    for (const event of events.filter((e) => e.stream.startsWith(seatStream(showId, '')))) {
      const data = event.data as { bookingId: string };
      if (event.type === 'seat.held.v1') {
        expect(claimant.get(event.stream)).toBeUndefined();
        claimant.set(event.stream, data.bookingId);
      } else if (event.type === 'seat.released.v1') {
        claimant.delete(event.stream);
      } else {
        expect(claimant.get(event.stream)).toBe(data.bookingId);
      }
    }
    // 2. Every 201 is a booking in the log with exactly its seats, each held for it; nothing else was placed.
    const placed = new Map(
      events
        .filter((e) => e.type === 'booking.placed.v1')
        .map((e) => [(e.data as { bookingId: string }).bookingId, e.data as { userId: string; seats: { seatId: string }[] }]),
    );
    expect(placed.size).toBe(held.length);
    for (const { buyer, res } of held) {
      const booking = placed.get(res.body.bookingId as string);
      expect(booking?.seats.map((seat) => seat.seatId)).toEqual(buyer.seats);
      for (const seatId of buyer.seats) expect(claimant.get(seatStream(showId, seatId))).toBe(res.body.bookingId);
    }
    // 3. Every 409 names seats that really were someone else's, and left no booking behind.
    const placedUsers = new Set([...placed.values()].map((booking) => booking.userId));
    const refused = answers.filter(({ res }) => res.status === 409);
    for (const { buyer, res } of refused) {
      expect(res.body.code).toBe('SEATS_UNAVAILABLE');
      const named = res.body.seats as string[];
      expect(named.length).toBeGreaterThan(0);
      expect(named.every((seatId) => buyer.seats.includes(seatId))).toBe(true);
      expect(placedUsers.has(buyer.userId)).toBe(false);
    }
    const heldSeats = [...claimant.values()].length;
    expect(heldSeats).toBeLessThanOrEqual(50);
    expect(heldSeats).toBe(held.reduce((sum, { buyer }) => sum + buyer.seats.length, 0));
  }, 60_000);

  it('fencing: a holder stalled past its lock TTL fails its append on the expected revision and gets 409', async () => {
    await startTwo({ SEAT_LOCK_TTL_MS: '100' });
    const [stalled, other] = servers;
    const admin = await accessTokenFor(stalled, 'admin', ['admin']);
    const showId = await createShow(stalled.url, admin);
    let paused!: () => void;
    const reachedAppend = new Promise<void>((resolve) => (paused = resolve));
    let resume!: () => void;
    const resumed = new Promise<void>((resolve) => (resume = resolve));
    stalled.app.get(BookingProbe).pauseAt('place-booking:before-append', async () => {
      paused();
      await resumed;
    });

    const slow = post(`${stalled.url}/api/bookings`, await accessTokenFor(stalled, 'slow'), { showId, seats: ['A-1-1'] });
    await reachedAppend;
    // The stalled holder's lock runs out in Redis; the other instance then gets the seat.
    const fastToken = await accessTokenFor(other, 'fast');
    let fast = await post(`${other.url}/api/bookings`, fastToken, { showId, seats: ['A-1-1'] });
    for (let i = 0; i < 100 && fast.status === 409; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      fast = await post(`${other.url}/api/bookings`, fastToken, { showId, seats: ['A-1-1'] });
    }
    expect(fast.status).toBe(201);
    resume();
    const late = await slow;
    expect(late).toMatchObject({ status: 409, body: { code: 'SEATS_UNAVAILABLE', seats: ['A-1-1'] } });
    const seat = await log.readStream(seatStream(showId, 'A-1-1'));
    expect(seat.map((e) => [e.type, (e.data as { bookingId: string }).bookingId])).toEqual([['seat.held.v1', fast.body.bookingId]]);
    const events = await readAll();
    expect(events.filter((e) => e.type === 'booking.placed.v1').map((e) => e.stream)).toEqual([bookingStream(fast.body.bookingId as string)]);
  }, 30_000);
});
