import { bookingStream, seatStream, ticketStream } from '@tessera/contracts';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { PaymentProvider } from '@tessera/platform/payments/payment-provider.port';
import { SimulatedPaymentProvider } from '@tessera/platform/payments/simulated-payment-provider';
import { TicketCodes } from '@tessera/platform/security/ticket-codes';
import { BookingProbe } from '../../apps/command-api/src/bookings/booking-probe';
import { HoldExpirySweeper } from '../../apps/command-api/src/bookings/expire-holds/hold-expiry-sweeper';
import { accessTokenFor } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { createShow, DECLINED_CARD, GOOD_CARD, ManualClock, post, showBody } from './box-office-client';

/** Shows and bookings on the command side, end to end over HTTP, with a hand-moved clock. */
describe('shows and bookings (command side)', () => {
  let server: TestApp;
  let clock: ManualClock;
  let admin: string;
  let alice: string;
  let bob: string;
  let store: EventStore;
  const MINUTE = 60_000;

  beforeAll(async () => {
    clock = new ManualClock();
    server = await startTestApp({ overrides: { clock }, env: { SWEEP_INTERVAL_MS: '20' } });
    admin = await accessTokenFor(server, 'admin-1', ['admin']);
    alice = await accessTokenFor(server, 'alice');
    bob = await accessTokenFor(server, 'bob');
    store = server.app.get(EventStore);
  });

  afterAll(async () => {
    await server.close();
  });

  const book = (token: string, showId: string, seats: string[], headers: Record<string, string> = {}) =>
    post<Record<string, unknown>>(`${server.url}/api/bookings`, token, { showId, seats }, headers);
  const pay = (token: string, bookingId: string, card = GOOD_CARD, headers: Record<string, string> = {}) =>
    post<Record<string, unknown>>(`${server.url}/api/bookings/${bookingId}/payment`, token, { card }, headers);
  const cancel = (token: string, bookingId: string) => post<Record<string, unknown>>(`${server.url}/api/bookings/${bookingId}/cancel`, token);
  const typesOf = async (stream: string) => (await store.readStream(stream)).map((event) => event.type);

  describe('shows', () => {
    it('creates a draft show (201 with showId and position) and publishes it (200 on_sale)', async () => {
      const created = await post<{ showId: string; position: string }>(`${server.url}/api/shows`, admin, showBody());
      expect(created.status).toBe(201);
      expect(created.body.position).toMatch(/^\d+$/);
      expect(created.headers.get('x-position')).toBe(created.body.position);
      const published = await post(`${server.url}/api/shows/${created.body.showId}/publish`, admin);
      expect(published.status).toBe(200);
      expect(published.body).toEqual({ showId: created.body.showId, status: 'on_sale', position: expect.stringMatching(/^\d+$/) });
      expect(BigInt(published.body.position as string)).toBeGreaterThan(BigInt(created.body.position));
      const again = await post(`${server.url}/api/shows/${created.body.showId}/publish`, admin);
      expect(again).toMatchObject({ status: 409, body: { code: 'INVALID_SHOW_STATE' } });
    });

    it('is for admins only, and validates the body', async () => {
      expect((await post(`${server.url}/api/shows`, alice, showBody())).status).toBe(403);
      expect((await post(`${server.url}/api/shows/some-show/publish`, alice)).status).toBe(403);
      const bad = await post(`${server.url}/api/shows`, admin, { ...showBody(), holdMinutes: 0 });
      expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      const inconsistent = await post(`${server.url}/api/shows`, admin, { ...showBody(), sections: [{ ...showBody().sections[0], categoryId: 'nope' }] });
      expect(inconsistent).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      expect((await post(`${server.url}/api/shows/missing-show/publish`, admin)).status).toBe(404);
    });

    it('creates one show for one Idempotency-Key, however often it is sent', async () => {
      const headers = { 'idempotency-key': 'show-once' };
      const first = await post<{ showId: string }>(`${server.url}/api/shows`, admin, showBody(), headers);
      const second = await post<{ showId: string }>(`${server.url}/api/shows`, admin, showBody(), headers);
      expect(second.body).toEqual(first.body);
      expect(await typesOf(`show-${first.body.showId}`)).toEqual(['show.created.v1']);
    });
  });

  describe('placing a booking', () => {
    it('holds the seats: 201 with the booking, its price and expiry, and one atomic append', async () => {
      const showId = await createShow(server.url, admin);
      const res = await book(alice, showId, ['A-1-2', 'A-1-1']);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        bookingId: expect.any(String),
        status: 'held',
        showId,
        seats: ['A-1-2', 'A-1-1'],
        expiresAt: new Date(clock.now().getTime() + 10 * MINUTE).toISOString(),
        amount: 24000,
        currency: 'EUR',
        position: expect.stringMatching(/^\d+$/),
      });
      expect(res.headers.get('x-position')).toBe(res.body.position);
      const bookingId = res.body.bookingId as string;
      const placed = await store.readStream(bookingStream(bookingId));
      const held = await store.readStream(seatStream(showId, 'A-1-1'));
      expect(placed.map((e) => e.type)).toEqual(['booking.placed.v1']);
      expect(held.map((e) => e.type)).toEqual(['seat.held.v1']);
      expect(Number(res.body.position)).toBe(Math.max(placed[0].position, held[0].position, (await store.readStream(seatStream(showId, 'A-1-2')))[0].position));
      expect(placed[0].metadata).toMatchObject({ actorId: 'alice', schemaVersion: 1 });
    });

    it('answers 409 SEATS_UNAVAILABLE naming the seats already held', async () => {
      const showId = await createShow(server.url, admin);
      expect((await book(alice, showId, ['A-1-1', 'A-1-2'])).status).toBe(201);
      const refused = await book(bob, showId, ['A-1-3', 'A-1-2']);
      expect(refused).toMatchObject({ status: 409, body: { code: 'SEATS_UNAVAILABLE', seats: ['A-1-2'] } });
      expect(await typesOf(seatStream(showId, 'A-1-3'))).toEqual([]);
    });

    it('refuses a show not on sale (422), too many seats (422) and an unknown seat (404)', async () => {
      const draft = await createShow(server.url, admin, {}, false);
      expect(await book(alice, draft, ['A-1-1'])).toMatchObject({ status: 422, body: { code: 'SHOW_NOT_ON_SALE' } });
      const showId = await createShow(server.url, admin, { maxSeatsPerBooking: 2 });
      expect(await book(alice, showId, ['A-1-1', 'A-1-2', 'A-1-3'])).toMatchObject({ status: 422, body: { code: 'TOO_MANY_SEATS' } });
      expect(await book(alice, showId, ['A-1-1', 'A-1-99'])).toMatchObject({ status: 404, body: { code: 'SEAT_NOT_FOUND', seats: ['A-1-99'] } });
      expect(await book(alice, 'no-such-show', ['A-1-1'])).toMatchObject({ status: 404, body: { code: 'SHOW_NOT_FOUND' } });
      expect(await book(alice, showId, ['A-1-01'])).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      expect(await typesOf(seatStream(showId, 'A-1-1'))).toEqual([]);
    });

    it('treats a hold past its expiry as free, before any sweeper ran (lazy expiry)', async () => {
      const showId = await createShow(server.url, admin, { holdMinutes: 1 });
      const sweeper = server.app.get(HoldExpirySweeper);
      jest.spyOn(sweeper, 'sweep').mockResolvedValue(undefined);
      try {
        expect((await book(alice, showId, ['A-1-1'])).status).toBe(201);
        clock.advance(MINUTE);
        expect((await book(bob, showId, ['A-1-1'])).status).toBe(201);
      } finally {
        jest.restoreAllMocks();
      }
    });

    it('returns the same booking for a retried Idempotency-Key, even once the first answer was lost', async () => {
      const showId = await createShow(server.url, admin);
      const first = await book(alice, showId, ['A-1-5'], { 'idempotency-key': 'k-1' });
      expect(first.status).toBe(201);
      // The answer was lost with the idempotency record (a crash before it was saved): run again.
      const { IDEMPOTENCY_COLLECTION } = await import('@tessera/platform/http/idempotency.interceptor');
      const { ReadStore } = await import('@tessera/platform/read-store/read-store.port');
      await server.app.get(ReadStore).collection(IDEMPOTENCY_COLLECTION).deleteMany({});
      const retried = await book(alice, showId, ['A-1-5'], { 'idempotency-key': 'k-1' });
      expect(retried.status).toBe(201);
      expect(retried.body).toEqual(first.body);
      expect(await typesOf(seatStream(showId, 'A-1-5'))).toEqual(['seat.held.v1']);
    });

    it('with Prefer: respond-async answers 202 pending with a Location, then ends placed or rejected', async () => {
      const showId = await createShow(server.url, admin);
      const accepted = await book(alice, showId, ['A-1-7'], { prefer: 'respond-async' });
      expect(accepted.status).toBe(202);
      expect(accepted.body).toEqual({ bookingId: expect.any(String), status: 'pending' });
      expect(accepted.headers.get('location')).toBe(`/api/bookings/${accepted.body.bookingId as string}`);
      const refused = await book(bob, showId, ['A-1-7', 'A-1-8'], { prefer: 'respond-async' });
      expect(refused.status).toBe(202);
      // The request is in the log before the answer; its ending follows it in the same stream.
      const settled = async (bookingId: string) => {
        for (let i = 0; i < 200; i++) {
          const events = await store.readStream(bookingStream(bookingId));
          expect(events[0]?.type).toBe('booking.requested.v1');
          if (events.length > 1) return events;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        throw new Error(`booking ${bookingId} never settled`);
      };
      // Either may run first; exactly one of the two holds A-1-7.
      const [a, b] = [await settled(accepted.body.bookingId as string), await settled(refused.body.bookingId as string)];
      expect([a.length, b.length]).toEqual([2, 2]);
      const endings = [a[1].type, b[1].type].sort();
      expect(endings).toEqual(['booking.placed.v1', 'booking.rejected.v1']);
      const rejected = [a[1], b[1]].find((event) => event.type === 'booking.rejected.v1');
      expect(rejected?.data).toMatchObject({ code: 'SEATS_UNAVAILABLE', unavailableSeats: ['A-1-7'] });
    });
  });

  describe('paying', () => {
    it('confirms, sells the seats and issues tickets with signed codes in one append', async () => {
      const showId = await createShow(server.url, admin);
      const held = await book(alice, showId, ['A-1-1', 'A-1-2']);
      const bookingId = held.body.bookingId as string;
      const paid = await pay(alice, bookingId);
      expect(paid.status).toBe(200);
      expect(paid.body).toEqual({
        bookingId,
        status: 'confirmed',
        tickets: [
          { ticketId: expect.any(String), seatId: 'A-1-1', code: expect.stringMatching(/^T2\./) },
          { ticketId: expect.any(String), seatId: 'A-1-2', code: expect.stringMatching(/^T2\./) },
        ],
        position: expect.stringMatching(/^\d+$/),
      });
      expect(paid.headers.get('x-position')).toBe(paid.body.position);
      const tickets = paid.body.tickets as { ticketId: string; code: string }[];
      const codes = server.app.get(TicketCodes);
      for (const ticket of tickets) {
        expect(codes.verify(ticket.code)).toEqual({ ticketId: ticket.ticketId, version: 1 });
        expect(await typesOf(ticketStream(ticket.ticketId))).toEqual(['ticket.issued.v1']);
      }
      expect(await typesOf(bookingStream(bookingId))).toEqual(['booking.placed.v1', 'booking.payment-started.v1', 'booking.confirmed.v1']);
      expect(await typesOf(seatStream(showId, 'A-1-1'))).toEqual(['seat.held.v1', 'seat.sold.v1']);
      // Paying again (not a replay of the same Idempotency-Key) is refused, and charges nothing.
      expect(await pay(alice, bookingId)).toMatchObject({ status: 409, body: { code: 'INVALID_BOOKING_STATE' } });
      const provider = server.app.get(PaymentProvider) as SimulatedPaymentProvider;
      expect(provider.calls.filter((call) => call.key === bookingId && call.outcome === 'succeeded')).toHaveLength(1);
    });

    it('answers 402 PAYMENT_DECLINED for the declining test card and keeps the hold', async () => {
      const showId = await createShow(server.url, admin);
      const bookingId = (await book(alice, showId, ['A-1-1'])).body.bookingId as string;
      expect(await pay(alice, bookingId, DECLINED_CARD)).toMatchObject({ status: 402, body: { code: 'PAYMENT_DECLINED' } });
      expect(await typesOf(bookingStream(bookingId))).toEqual(['booking.placed.v1', 'booking.payment-started.v1', 'booking.payment-declined.v1']);
      expect((await pay(alice, bookingId)).status).toBe(200);
    });

    it('answers 409 HOLD_EXPIRED once the hold ran out, without charging', async () => {
      const showId = await createShow(server.url, admin, { holdMinutes: 1 });
      const bookingId = (await book(alice, showId, ['A-1-1'])).body.bookingId as string;
      clock.advance(MINUTE);
      expect(await pay(alice, bookingId)).toMatchObject({ status: 409, body: { code: 'HOLD_EXPIRED' } });
      const provider = server.app.get(PaymentProvider) as SimulatedPaymentProvider;
      expect(provider.calls.filter((call) => call.key === bookingId)).toEqual([]);
    });

    it('refunds a charge whose hold was lost before the confirmation, and never sells the seat twice', async () => {
      const showId = await createShow(server.url, admin, { holdMinutes: 1 });
      const bookingId = (await book(alice, showId, ['A-1-1'])).body.bookingId as string;
      let bobsBooking: Record<string, unknown> | undefined;
      server.app.get(BookingProbe).pauseAt('pay-booking:after-charge', async () => {
        // While alice's charge is in flight her hold runs out and bob takes the seat.
        clock.advance(MINUTE);
        // The sweeper may be expiring alice's hold at this moment, under the seat's lock, and a
        // locked seat answers 409 at once: bob tries again, as a client would.
        for (let attempt = 0; attempt < 10; attempt++) {
          bobsBooking = (await book(bob, showId, ['A-1-1'])).body;
          if (bobsBooking.status !== 409) break;
          await new Promise((done) => setTimeout(done, 20));
        }
      });
      const late = await pay(alice, bookingId);
      expect(late).toMatchObject({ status: 409, body: { code: 'HOLD_EXPIRED' } });
      expect(bobsBooking).toMatchObject({ status: 'held' });
      // The sweeper may expire alice's booking (and release the seat) while the charge is in
      // flight, since the clock moved: both orders are right, so the assertions accept both.
      const events = (await store.readStream(bookingStream(bookingId))).filter((e) => e.type !== 'booking.expired.v1');
      expect(events.map((e) => e.type)).toEqual(['booking.placed.v1', 'booking.payment-started.v1', 'booking.refunded.v1']);
      expect(events[2].data).toMatchObject({ reason: 'hold_lost', amount: 12000 });
      const provider = server.app.get(PaymentProvider) as SimulatedPaymentProvider;
      expect(provider.calls.filter((call) => call.kind === 'refund' && call.key === (events[2].data as { refundId: string }).refundId)).toHaveLength(1);
      const seat = await store.readStream(seatStream(showId, 'A-1-1'));
      expect(seat.map((e) => e.type)).not.toContain('seat.sold.v1');
      expect(seat[seat.length - 1]).toMatchObject({ type: 'seat.held.v1', data: { bookingId: bobsBooking?.bookingId } });
    });
  });

  describe('cancelling', () => {
    it('cancels a held booking and frees its seats', async () => {
      const showId = await createShow(server.url, admin);
      const bookingId = (await book(alice, showId, ['A-1-1'])).body.bookingId as string;
      const cancelled = await cancel(alice, bookingId);
      expect(cancelled).toMatchObject({ status: 200, body: { bookingId, status: 'cancelled', position: expect.stringMatching(/^\d+$/) } });
      expect(cancelled.headers.get('x-position')).toBe(cancelled.body.position);
      expect(await typesOf(seatStream(showId, 'A-1-1'))).toEqual(['seat.held.v1', 'seat.released.v1']);
      expect((await book(bob, showId, ['A-1-1'])).status).toBe(201);
      expect(await cancel(alice, bookingId)).toMatchObject({ status: 409, body: { code: 'INVALID_BOOKING_STATE' } });
    });

    it('refunds a paid booking, voids its tickets and releases its seats', async () => {
      const showId = await createShow(server.url, admin);
      const bookingId = (await book(alice, showId, ['A-1-1'])).body.bookingId as string;
      const ticketId = ((await pay(alice, bookingId)).body.tickets as { ticketId: string }[])[0].ticketId;
      expect(await cancel(alice, bookingId)).toMatchObject({ status: 200, body: { status: 'refunded' } });
      expect(await typesOf(ticketStream(ticketId))).toEqual(['ticket.issued.v1', 'ticket.voided.v1']);
      expect(await typesOf(seatStream(showId, 'A-1-1'))).toEqual(['seat.held.v1', 'seat.sold.v1', 'seat.released.v1']);
    });
  });

  describe('ownership (BOLA)', () => {
    it("answers 404 for another user's booking on payment and cancel, and changes nothing", async () => {
      const showId = await createShow(server.url, admin);
      const bookingId = (await book(alice, showId, ['A-1-1'])).body.bookingId as string;
      const notFound = { status: 404, body: { code: 'BOOKING_NOT_FOUND' } };
      expect(await pay(bob, bookingId)).toMatchObject(notFound);
      expect(await cancel(bob, bookingId)).toMatchObject(notFound);
      expect(await pay(bob, 'no-such-booking')).toMatchObject(notFound);
      expect(await cancel(bob, 'bad$id')).toMatchObject(notFound);
      expect(await typesOf(bookingStream(bookingId))).toEqual(['booking.placed.v1']);
      const provider = server.app.get(PaymentProvider) as SimulatedPaymentProvider;
      expect(provider.calls.filter((call) => call.key === bookingId)).toEqual([]);
    });

    it('needs a signed-in user for every booking route', async () => {
      for (const path of ['/api/bookings', '/api/bookings/x/payment', '/api/bookings/x/cancel', '/api/shows', '/api/shows/x/publish']) {
        const res = await fetch(`${server.url}${path}`, { method: 'POST' });
        expect(res.status).toBe(401);
      }
    });
  });

  describe('the expiry sweeper', () => {
    it('writes booking.expired and seat.released for a hold past its time, once', async () => {
      const showId = await createShow(server.url, admin, { holdMinutes: 1 });
      const bookingId = (await book(alice, showId, ['A-1-1', 'A-1-2'])).body.bookingId as string;
      const sweeper = server.app.get(HoldExpirySweeper);
      for (let i = 0; i < 200 && !sweeper.pending().has(bookingId); i++) await new Promise((r) => setTimeout(r, 10));
      expect(sweeper.pending().has(bookingId)).toBe(true);
      await sweeper.sweep();
      expect(await typesOf(bookingStream(bookingId))).toEqual(['booking.placed.v1']);
      clock.advance(MINUTE);
      await sweeper.sweep();
      await sweeper.sweep();
      expect(await typesOf(bookingStream(bookingId))).toEqual(['booking.placed.v1', 'booking.expired.v1']);
      expect(await typesOf(seatStream(showId, 'A-1-2'))).toEqual(['seat.held.v1', 'seat.released.v1']);
      expect(sweeper.pending().has(bookingId)).toBe(false);
    });
  });
});
