import { Logger } from '@nestjs/common';
import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { createTokenService } from '@tessera/platform/security/token-service';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { FAULT_INJECTION_VARIABLE } from '@tessera/platform/fault-injection';
import { buildOnce, freePort, RunningProcess, startNode, waitFor } from '../support/processes';
import { post, showBody } from './box-office-client';

const JWT_SECRET = 'crash-test-secret-of-at-least-32-characters';
const tokens = createTokenService({ secret: JWT_SECRET, production: false, logger: new Logger('test') });
const tokenFor = async (userId: string, roles: ('user' | 'admin')[] = ['user']) => (await tokens.issueAccessToken({ userId, roles })).accessToken;

/**
 * The real server in its own process, killed with SIGKILL by its own fault-injection hook
 * (TESSERA_FAULT_INJECTION) between taking the seat locks and appending, and between appending
 * and answering; or, for a `Prefer: respond-async` placement, after its 202 and before or while
 * settling it. Then restarted on the same DATA_DIR.
 */
describe('seat holds across a crash (SIGKILL of the real server)', () => {
  let dataDir: string;
  let server: RunningProcess | undefined;
  let url: string;

  beforeAll(() => buildOnce());
  beforeEach(async () => {
    dataDir = await makeTempDir('crash');
  });
  afterEach(async () => {
    server?.child.kill('SIGKILL');
    await server?.exited;
    await removeDir(dataDir);
  });

  const start = async (fault?: string, env: Record<string, string> = {}) => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = startNode('dist/apps/standalone/src/main.js', {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      JWT_SECRET,
      LOG_LEVEL: 'warn',
      ...env,
      ...(fault ? { [FAULT_INJECTION_VARIABLE]: fault } : {}),
    });
    await waitFor(async () => (await fetch(`${url}/health/live`)).status === 200, 15_000);
  };

  const stop = async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    server = undefined;
  };

  const logEvents = async (): Promise<RecordedEvent[]> => {
    const log = await EmbeddedEventStore.open({ dataDir });
    const events: RecordedEvent[] = [];
    for await (const event of log.readAll()) events.push(event);
    await log.close();
    return events;
  };

  /** Per seat: how many bookings held it at once at worst (must be at most 1). */
  const worstClaimsPerSeat = (events: RecordedEvent[]) => {
    const live = new Map<string, Set<string>>();
    let worst = 0;
    for (const event of events.filter((e) => e.stream.startsWith('seat-'))) {
      const claims = live.get(event.stream) ?? new Set<string>();
      const { bookingId } = event.data as { bookingId: string };
      if (event.type === 'seat.held.v1' || event.type === 'seat.sold.v1') claims.add(bookingId);
      else claims.delete(bookingId);
      live.set(event.stream, claims);
      worst = Math.max(worst, claims.size);
    }
    return worst;
  };

  const setUpShow = async (fault: string) => {
    await start(fault);
    const admin = await tokenFor('admin', ['admin']);
    const created = await post<{ showId: string }>(`${url}/api/shows`, admin, showBody());
    expect((await post(`${url}/api/shows/${created.body.showId}/publish`, admin)).status).toBe(200);
    return created.body.showId;
  };

  const bookDying = async (showId: string, token: string, key: string, seats: string[]) => {
    const attempt = post(`${url}/api/bookings`, token, { showId, seats }, { 'idempotency-key': key });
    await expect(attempt).rejects.toThrow();
    expect(await server?.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(server?.output()).toMatch(/fault injection: SIGKILL at/);
  };

  it('killed between lock and append: nothing was written, and the retry places the booking once', async () => {
    const showId = await setUpShow('place-booking:after-lock');
    const alice = await tokenFor('alice');
    await bookDying(showId, alice, 'alice-1', ['A-1-1', 'A-1-2']);

    await start();
    const retried = await post(`${url}/api/bookings`, alice, { showId, seats: ['A-1-1', 'A-1-2'] }, { 'idempotency-key': 'alice-1' });
    expect(retried).toMatchObject({ status: 201, body: { status: 'held', seats: ['A-1-1', 'A-1-2'] } });
    const bob = await post(`${url}/api/bookings`, await tokenFor('bob'), { showId, seats: ['A-1-2'] });
    expect(bob).toMatchObject({ status: 409, body: { code: 'SEATS_UNAVAILABLE', seats: ['A-1-2'] } });
    await stop();

    const events = await logEvents();
    const placed = events.filter((e) => e.type === 'booking.placed.v1');
    expect(placed.map((e) => (e.data as { bookingId: string }).bookingId)).toEqual([retried.body.bookingId]);
    expect(worstClaimsPerSeat(events)).toBe(1);
  }, 60_000);

  it('killed between append and answer: the hold survived, and the retry returns that same booking', async () => {
    const showId = await setUpShow('place-booking:after-append');
    const alice = await tokenFor('alice');
    await bookDying(showId, alice, 'alice-2', ['A-1-3']);

    await start();
    const bob = await post(`${url}/api/bookings`, await tokenFor('bob'), { showId, seats: ['A-1-3'] });
    expect(bob).toMatchObject({ status: 409, body: { code: 'SEATS_UNAVAILABLE', seats: ['A-1-3'] } });
    const retried = await post(`${url}/api/bookings`, alice, { showId, seats: ['A-1-3'] }, { 'idempotency-key': 'alice-2' });
    expect(retried).toMatchObject({ status: 201, body: { status: 'held', seats: ['A-1-3'] } });
    await stop();

    const events = await logEvents();
    const placed = events.filter((e) => e.type === 'booking.placed.v1');
    // The booking the crashed request wrote is the one the retry answered with: one booking, not two.
    expect(placed.map((e) => (e.data as { bookingId: string }).bookingId)).toEqual([retried.body.bookingId]);
    expect(String(Math.max(...events.filter((e) => e.metadata.causationId === placed[0].metadata.causationId).map((e) => e.position)))).toBe(
      retried.body.position,
    );
    expect(worstClaimsPerSeat(events)).toBe(1);
  }, 60_000);

  describe('a placement answered 202 (Prefer: respond-async)', () => {
    /** The booking as the query API shows it to its owner. */
    const read = async (token: string, bookingId: string) => {
      const res = await fetch(`${url}/api/bookings/${bookingId}`, { headers: { authorization: `Bearer ${token}` } });
      return { status: res.status, body: (await res.json()) as { status: string; seats: string[] } };
    };

    it.each([
      ['after the 202, before settling began', 'place-booking:accepted'],
      ['while settling, holding the seat locks', 'place-booking:after-lock'],
    ])('killed %s: after a restart the booking settles by itself, once, and nothing is oversold', async (_when, fault) => {
      const showId = await setUpShow(fault);
      const alice = await tokenFor('alice');
      const accepted = await post<{ bookingId: string; status: string }>(
        `${url}/api/bookings`,
        alice,
        { showId, seats: ['A-1-4', 'A-1-5'] },
        { prefer: 'respond-async', 'idempotency-key': 'alice-async' },
      );
      // The answer went out before the process died: the client holds a promise to keep.
      expect(accepted).toMatchObject({ status: 202, body: { status: 'pending' } });
      const { bookingId } = accepted.body;
      expect(await server?.exited).toEqual({ code: null, signal: 'SIGKILL' });
      expect(server?.output()).toContain(`fault injection: SIGKILL at ${fault}`);
      expect((await logEvents()).filter((e) => e.stream === `booking-${bookingId}`).map((e) => e.type)).toEqual(['booking.requested.v1']);

      // No new request: the restarted server's settler finds the request in the log.
      await start(undefined, { SWEEP_INTERVAL_MS: '100' });
      let settled: { status: number; body: { status: string; seats: string[] } } | undefined;
      await waitFor(async () => {
        settled = await read(alice, bookingId);
        return settled.status === 200 && settled.body.status !== 'pending';
      }, 20_000);
      expect(settled?.body).toMatchObject({ status: 'held', seats: ['A-1-4', 'A-1-5'] });
      const bob = await post(`${url}/api/bookings`, await tokenFor('bob'), { showId, seats: ['A-1-5'] });
      expect(bob).toMatchObject({ status: 409, body: { code: 'SEATS_UNAVAILABLE', seats: ['A-1-5'] } });
      await stop();

      const events = await logEvents();
      expect(events.filter((e) => e.stream === `booking-${bookingId}`).map((e) => e.type)).toEqual(['booking.requested.v1', 'booking.placed.v1']);
      expect(events.filter((e) => e.type === 'booking.placed.v1')).toHaveLength(1);
      expect(worstClaimsPerSeat(events)).toBe(1);
    }, 60_000);
  });
});
