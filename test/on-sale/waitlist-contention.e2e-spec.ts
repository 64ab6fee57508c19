import { seatStream, waitlistStream, type WaitlistOffered } from '@tessera/contracts';
import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { RedlockSeatLocks } from '@tessera/platform/seat-locks/redlock-seat-locks';
import { describeWithService, makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { createShow, post } from '../box-office/box-office-client';
import { accessTokenFor } from '../support/auth';
import { waitFor } from '../support/processes';
import { startTestApp, type TestApp } from '../support/test-app';

const REDIS = ['redis://127.0.0.1:6379'];
const JWT_SECRET = 'waitlist-contention-secret-of-at-least-32-chars';

/**
 * Two instances on one log, each with its own Redlock client on the machine's Redis and its own
 * waiting-list reaction: both see every seat that comes back and race to offer it. Fifty seats
 * come back at once; each must be offered once, to one fan, and each entry offered once.
 */
describeWithService('redis', 'waiting-list offers across two instances (Redlock on the real Redis)', () => {
  let dataDir: string;
  let log: EmbeddedEventStore;
  let servers: TestApp[] = [];
  let locks: RedlockSeatLocks[] = [];

  beforeAll(async () => {
    dataDir = await makeTempDir('waitlist-contention');
    log = await EmbeddedEventStore.open({ dataDir });
    // What this test checks is who gets offered which seat, not the lock servers' speed: with the
    // default 500 ms command timeout a loaded machine (two apps in this one process) turned slow
    // Redis answers into 503s before any offer was made.
    locks = [0, 1].map(() => new RedlockSeatLocks(REDIS, { commandTimeoutMs: 5_000, connectTimeoutMs: 5_000 }));
    servers = await Promise.all(locks.map((seatLocks) => startTestApp({ env: { JWT_SECRET }, overrides: { eventStore: log, seatLocks } })));
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await Promise.all(locks.map((lock) => lock.close()));
    await log?.close();
    if (dataDir) await removeDir(dataDir);
  });

  const readAll = async (): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const event of log.readAll()) events.push(event);
    return events;
  };

  it('50 seats returned at once, 32 entries waiting for 1 or 2: every entry offered once, no seat offered to two fans', async () => {
    const admin = await accessTokenFor(servers[0], 'admin', ['admin']);
    const showId = await createShow(servers[0].url, admin, { rows: 5, seatsPerRow: 10 });
    const seats = Array.from({ length: 50 }, (_, i) => `A-${Math.floor(i / 10) + 1}-${(i % 10) + 1}`);

    // Sold out: ten fans hold five seats each.
    const holds = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const server = servers[i % 2];
        const token = await accessTokenFor(server, `holder-${i}`);
        const res = await post<{ bookingId: string }>(`${server.url}/api/bookings`, token, { showId, seats: seats.slice(i * 5, i * 5 + 5) });
        expect({ status: res.status, body: res.status === 201 ? undefined : res.body }).toEqual({ status: 201, body: undefined });
        return { server, token, bookingId: res.body.bookingId };
      }),
    );

    // 32 entries, for 1 or 2 seats (seeded): 48 seats in all, fewer than what comes back.
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const wanted = Array.from({ length: 32 }, (_, i) => (i < 16 ? 2 : 1)).sort(() => random() - 0.5);
    expect(wanted.reduce((a, b) => a + b, 0)).toBe(48);
    const entries: { entryId: string; userId: string; seats: number }[] = [];
    for (const [i, count] of wanted.entries()) {
      const server = servers[i % 2];
      const userId = `waiting-${i}`;
      const res = await post<{ entryId: string }>(`${server.url}/api/shows/${showId}/waitlist`, await accessTokenFor(server, userId), { seats: count });
      expect(res.status).toBe(201);
      entries.push({ entryId: res.body.entryId, userId, seats: count });
    }

    // Every hold is given up at once, half through each instance.
    const cancels = await Promise.all(holds.map(({ server, token, bookingId }) => post(`${server.url}/api/bookings/${bookingId}/cancel`, token)));
    expect(cancels.map((res) => res.status)).toEqual(holds.map(() => 200));

    const offersIn = (events: RecordedEvent[]) => events.filter((e) => e.stream === waitlistStream(showId) && e.type === 'waitlist.offered.v1').map((e) => e.data as WaitlistOffered['data']);
    await waitFor(async () => offersIn(await readAll()).length >= entries.length, 30_000, 100);
    // Both reactions have handled everything by now; give a late duplicate the time to show up.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const events = await readAll();
    const offers = offersIn(events);

    // Each entry offered exactly once, for as many seats as it waits for, to its own user.
    expect(offers.map((offer) => offer.entryId).sort()).toEqual(entries.map((entry) => entry.entryId).sort());
    for (const offer of offers) {
      const entry = entries.find((e) => e.entryId === offer.entryId)!;
      expect({ user: offer.userId, seats: offer.seatIds.length }).toEqual({ user: entry.userId, seats: entry.seats });
    }
    // No seat in two offers.
    const offered = offers.flatMap((offer) => offer.seatIds);
    expect(new Set(offered).size).toBe(offered.length);
    expect(offered.length).toBe(48);

    // In each seat's own stream, replayed in log order, a hold only lands on a free seat, and every
    // offered seat is held by its offer's booking now.
    const claimant = new Map<string, string>();
    for (const event of events.filter((e) => e.stream.startsWith(seatStream(showId, '')))) {
      const { seatId, bookingId } = event.data as { seatId: string; bookingId: string };
      if (event.type === 'seat.held.v1') {
        expect({ seatId, claimedBy: claimant.get(seatId) }).toEqual({ seatId, claimedBy: undefined });
        claimant.set(seatId, bookingId);
      }
      if (event.type === 'seat.released.v1') claimant.delete(seatId);
    }
    for (const offer of offers) for (const seatId of offer.seatIds) expect(claimant.get(seatId)).toBe(offer.bookingId);
    // Every offer is a real booking, placed for the waiting fan.
    const placed = new Map(events.filter((e) => e.type === 'booking.placed.v1').map((e) => [(e.data as { bookingId: string }).bookingId, e.data as { userId: string }]));
    for (const offer of offers) expect(placed.get(offer.bookingId)?.userId).toBe(offer.userId);
  }, 90_000);
});
