import { CommandBus } from '@nestjs/cqrs';
import { bookingStream, seatStream, type BookingView } from '@tessera/contracts';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { createShow, GOOD_CARD, ManualClock, post } from '../../../../../test/box-office/box-office-client';
import { accessTokenFor, bearer } from '../../../../../test/support/auth';
import { startTestApp, TestApp } from '../../../../../test/support/test-app';
import { BookingProbe } from '../booking-probe';
import { BookingRequestSettler } from '../settle-booking/booking-request-settler';
import { SettleBookingCommand } from '../settle-booking/settle-booking.command';

/**
 * POST /api/bookings with `Prefer: respond-async`, end to end over HTTP: the request is in the
 * log before the 202, the booking reads as pending until it is settled, and it is settled by the
 * fast path or, when that never runs or stalls, by the settler's subscription, exactly once.
 * The clock is moved by hand, so the settler (which waits one seat-lock lifetime of that clock)
 * only steps in when a test says so.
 */
describe('POST /api/bookings with Prefer: respond-async', () => {
  const LOCK_TTL_MS = 500;
  let server: TestApp;
  let clock: ManualClock;
  let store: EventStore;
  let probe: BookingProbe;
  let admin: string;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    clock = new ManualClock();
    server = await startTestApp({ overrides: { clock }, env: { SWEEP_INTERVAL_MS: '20', SEAT_LOCK_TTL_MS: String(LOCK_TTL_MS) } });
    store = server.app.get(EventStore);
    probe = server.app.get(BookingProbe);
    admin = await accessTokenFor(server, 'admin-async', ['admin']);
    alice = await accessTokenFor(server, 'alice-async');
    bob = await accessTokenFor(server, 'bob-async');
  });

  /** Stalls still held when a test ends (a failing one) are let go, or closing would wait for them. */
  const stalls: (() => void)[] = [];
  afterEach(() => {
    for (const release of stalls.splice(0)) release();
  });

  afterAll(async () => {
    await server.close();
  });

  const requestBooking = (token: string, showId: string, seats: string[], headers: Record<string, string> = {}) =>
    post<Record<string, unknown>>(`${server.url}/api/bookings`, token, { showId, seats }, { prefer: 'respond-async', ...headers });

  const getBooking = async (token: string, bookingId: string, minPosition?: string) => {
    const res = await fetch(`${server.url}/api/bookings/${bookingId}`, {
      headers: { ...bearer(token), ...(minPosition ? { 'x-min-position': minPosition } : {}) },
    });
    return { status: res.status, body: (await res.json()) as BookingView & { code?: string } };
  };

  const typesOf = async (stream: string) => (await store.readStream(stream)).map((event) => event.type);

  const until = async <T>(what: string, probeOnce: () => Promise<T | undefined>): Promise<T> => {
    for (let i = 0; i < 500; i++) {
      const found = await probeOnce();
      if (found !== undefined) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  const settledStatus = (token: string, bookingId: string) =>
    until(`booking ${bookingId} to settle`, async () => {
      const read = await getBooking(token, bookingId);
      return read.status === 200 && read.body.status !== 'pending' ? read.body : undefined;
    });

  /** Holds the fast path at `point` until the returned function is called. */
  const stallFastPathAt = (point: 'place-booking:accepted' | 'place-booking:before-append') => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    stalls.push(release);
    let reached!: () => void;
    const stalled = new Promise<void>((resolve) => (reached = resolve));
    probe.pauseAt(point, async () => {
      reached();
      await released;
    });
    return { stalled, release };
  };

  it('writes booking.requested before the 202, reads as pending, then settles to held', async () => {
    const showId = await createShow(server.url, admin);
    const fastPath = stallFastPathAt('place-booking:accepted');
    const accepted = await requestBooking(alice, showId, ['A-1-1', 'A-1-2']);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ bookingId: expect.any(String), status: 'pending' });
    const bookingId = accepted.body.bookingId as string;
    expect(accepted.headers.get('location')).toBe(`/api/bookings/${bookingId}`);
    await fastPath.stalled;

    const [requested] = await store.readStream(bookingStream(bookingId));
    expect(requested).toMatchObject({
      type: 'booking.requested.v1',
      revision: 0,
      data: { bookingId, userId: 'alice-async', showId, seatIds: ['A-1-1', 'A-1-2'] },
      metadata: { actorId: 'alice-async', correlationId: expect.any(String), causationId: expect.any(String) },
    });
    expect(accepted.headers.get('x-position')).toBe(String(requested.position));

    const pending = await getBooking(alice, bookingId, accepted.headers.get('x-position') as string);
    expect(pending).toEqual({
      status: 200,
      body: { bookingId, showId, status: 'pending', seats: ['A-1-1', 'A-1-2'], expiresAt: null, amount: 0, currency: '', tickets: [] },
    });
    expect((await getBooking(bob, bookingId)).status).toBe(404);

    fastPath.release();
    const held = await settledStatus(alice, bookingId);
    expect(held).toMatchObject({ status: 'held', seats: ['A-1-1', 'A-1-2'], amount: 24000, currency: 'EUR', expiresAt: expect.any(String) });
    const events = await store.readStream(bookingStream(bookingId));
    expect(events.map((event) => event.type)).toEqual(['booking.requested.v1', 'booking.placed.v1']);
    // The settlement belongs to the request: its correlation id, caused by the request event.
    expect(events[1].metadata).toMatchObject({ actorId: 'alice-async', correlationId: requested.metadata.correlationId, causationId: requested.id });
    expect(await typesOf(seatStream(showId, 'A-1-2'))).toEqual(['seat.held.v1']);
    expect(server.app.get(BookingRequestSettler).pending().has(bookingId)).toBe(false);

    // Held like any booking: it can be paid.
    const paid = await post(`${server.url}/api/bookings/${bookingId}/payment`, alice, { card: GOOD_CARD });
    expect(paid).toMatchObject({ status: 200, body: { status: 'confirmed' } });
  });

  it('settles to rejected with the refusal the synchronous path would have answered', async () => {
    const showId = await createShow(server.url, admin);
    expect((await post(`${server.url}/api/bookings`, bob, { showId, seats: ['A-1-3'] })).status).toBe(201);
    const accepted = await requestBooking(alice, showId, ['A-1-3', 'A-1-4']);
    expect(accepted.status).toBe(202);
    const bookingId = accepted.body.bookingId as string;
    const rejected = await settledStatus(alice, bookingId);
    expect(rejected).toMatchObject({ status: 'rejected', seats: ['A-1-3', 'A-1-4'], expiresAt: null, amount: 0 });
    const [, rejection] = await store.readStream(bookingStream(bookingId));
    expect(rejection).toMatchObject({ type: 'booking.rejected.v1', data: { code: 'SEATS_UNAVAILABLE', unavailableSeats: ['A-1-3'] } });
    expect(await typesOf(seatStream(showId, 'A-1-4'))).toEqual([]);
  });

  it('refuses to pay or cancel a booking still pending (409), changing nothing', async () => {
    const showId = await createShow(server.url, admin);
    const fastPath = stallFastPathAt('place-booking:accepted');
    const bookingId = (await requestBooking(alice, showId, ['A-1-5'])).body.bookingId as string;
    await fastPath.stalled;
    const paid = await post(`${server.url}/api/bookings/${bookingId}/payment`, alice, { card: GOOD_CARD });
    expect(paid).toMatchObject({ status: 409, body: { code: 'INVALID_BOOKING_STATE' } });
    const cancelled = await post(`${server.url}/api/bookings/${bookingId}/cancel`, alice);
    expect(cancelled).toMatchObject({ status: 409, body: { code: 'INVALID_BOOKING_STATE' } });
    expect(await typesOf(bookingStream(bookingId))).toEqual(['booking.requested.v1']);
    fastPath.release();
    expect((await settledStatus(alice, bookingId)).status).toBe('held');
  });

  it('writes one request for one Idempotency-Key, also when the first answer was lost', async () => {
    const showId = await createShow(server.url, admin);
    const headers = { 'idempotency-key': 'async-once' };
    const first = await requestBooking(alice, showId, ['A-1-6'], headers);
    const replayed = await requestBooking(alice, showId, ['A-1-6'], headers);
    expect(replayed).toMatchObject({ status: 202, body: first.body });
    const { IDEMPOTENCY_COLLECTION } = await import('@tessera/platform/http/idempotency.interceptor');
    const { ReadStore } = await import('@tessera/platform/read-store/read-store.port');
    await server.app.get(ReadStore).collection(IDEMPOTENCY_COLLECTION).deleteMany({});
    const retried = await requestBooking(alice, showId, ['A-1-6'], headers);
    expect(retried.status).toBe(202);
    expect(retried.body).toEqual(first.body);
    expect(retried.headers.get('x-position')).toBe(first.headers.get('x-position'));
    const bookingId = first.body.bookingId as string;
    expect((await settledStatus(alice, bookingId)).status).toBe('held');
    expect(await typesOf(bookingStream(bookingId))).toEqual(['booking.requested.v1', 'booking.placed.v1']);
  });

  it('is settled by the settler when the fast path never runs, and the late fast path then does nothing', async () => {
    const showId = await createShow(server.url, admin);
    const fastPath = stallFastPathAt('place-booking:accepted');
    const bookingId = (await requestBooking(alice, showId, ['A-1-7'])).body.bookingId as string;
    await fastPath.stalled;
    const settler = server.app.get(BookingRequestSettler);
    await until('the settler to see the request', async () => (settler.pending().has(bookingId) ? true : undefined));
    // Not before one seat-lock lifetime: the fast path normally settles well within it.
    await settler.sweep();
    expect(await typesOf(bookingStream(bookingId))).toEqual(['booking.requested.v1']);

    clock.advance(LOCK_TTL_MS);
    expect((await settledStatus(alice, bookingId)).status).toBe('held');
    expect(settler.pending().has(bookingId)).toBe(false);

    // The fast path wakes up late: it finds the booking settled and writes nothing.
    fastPath.release();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await server.app.get(CommandBus).execute(new SettleBookingCommand(bookingId))).toEqual({ outcome: 'already_settled' });
    expect(await typesOf(bookingStream(bookingId))).toEqual(['booking.requested.v1', 'booking.placed.v1']);
    expect(await typesOf(seatStream(showId, 'A-1-7'))).toEqual(['seat.held.v1']);
  });

  it('lets the settler win over a fast path stalled before its append: the stale append writes nothing', async () => {
    const showId = await createShow(server.url, admin);
    const fastPath = stallFastPathAt('place-booking:before-append');
    const bookingId = (await requestBooking(alice, showId, ['A-1-8', 'A-1-9'])).body.bookingId as string;
    // The fast path holds the seat locks and has decided; its locks run out while it stalls.
    await fastPath.stalled;
    clock.advance(LOCK_TTL_MS + 1);
    const held = await settledStatus(alice, bookingId);
    expect(held.status).toBe('held');
    const placedBySettler = (await store.readStream(bookingStream(bookingId)))[1];

    fastPath.release();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const events = await store.readStream(bookingStream(bookingId));
    expect(events.map((event) => event.type)).toEqual(['booking.requested.v1', 'booking.placed.v1']);
    expect(events[1]).toEqual(placedBySettler);
    for (const seatId of ['A-1-8', 'A-1-9']) expect(await typesOf(seatStream(showId, seatId))).toEqual(['seat.held.v1']);
  });
});
