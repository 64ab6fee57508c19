import { CommandBus } from '@nestjs/cqrs';
import { bookingStream, showStream } from '@tessera/contracts';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { PaymentProvider } from '@tessera/platform/payments/payment-provider.port';
import { SimulatedPaymentProvider } from '@tessera/platform/payments/simulated-payment-provider';
import { PayBookingCommand } from '../../apps/command-api/src/bookings/pay-booking/pay-booking.command';
import { accessTokenFor } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { createShow, DECLINED_CARD, GOOD_CARD, ManualClock, post, showBody } from './box-office-client';

/** The business rules API.md states for shows and payments, over HTTP with a hand-moved clock. */
describe('business rules of shows and payments', () => {
  let server: TestApp;
  let clock: ManualClock;
  let admin: string;
  let alice: string;
  let store: EventStore;

  beforeAll(async () => {
    // 2027-04-01T10:00Z; showBody() starts on 2099-05-01T19:30Z.
    clock = new ManualClock();
    server = await startTestApp({ overrides: { clock } });
    admin = await accessTokenFor(server, 'admin-1', ['admin']);
    alice = await accessTokenFor(server, 'alice');
    store = server.app.get(EventStore);
  });

  afterAll(async () => {
    await server.close();
  });

  const typesOf = async (stream: string) => (await store.readStream(stream)).map((event) => event.type);
  const provider = () => server.app.get(PaymentProvider) as SimulatedPaymentProvider;
  const heldBooking = async (seat = 'A-1-1'): Promise<string> => {
    const showId = await createShow(server.url, admin);
    const held = await post<{ bookingId: string }>(`${server.url}/api/bookings`, alice, { showId, seats: [seat] });
    expect(held.status).toBe(201);
    return held.body.bookingId;
  };
  const pay = (bookingId: string, card: Record<string, unknown> = GOOD_CARD, headers: Record<string, string> = {}) =>
    post(`${server.url}/api/bookings/${bookingId}/payment`, alice, { card }, headers);

  describe('a show in the past', () => {
    it('cannot be created: 400 SHOW_IN_PAST naming startsAt, and nothing is written', async () => {
      const head = await store.headPosition();
      const past = await post(`${server.url}/api/shows`, admin, { ...showBody(), startsAt: '2027-03-31T19:30:00Z' });
      expect(past).toMatchObject({
        status: 400,
        body: { code: 'SHOW_IN_PAST', startsAt: '2027-03-31T19:30:00.000Z', errors: [{ field: 'startsAt', message: 'must lie in the future' }] },
      });
      expect(past.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      // "Now" is the server's clock, not the wall clock: a minute before it is already past.
      const aMinuteAgo = new Date(clock.now().getTime() - 60_000).toISOString();
      expect(await post(`${server.url}/api/shows`, admin, { ...showBody(), startsAt: aMinuteAgo })).toMatchObject({
        status: 400,
        body: { code: 'SHOW_IN_PAST' },
      });
      expect(await store.headPosition()).toBe(head);
    });

    it('cannot be published: a draft whose date has passed answers 409 SHOW_IN_PAST and stays a draft', async () => {
      const showId = await createShow(server.url, admin, {}, false);
      const pastIt = Date.parse('2099-05-02T00:00:00Z') - clock.now().getTime();
      clock.advance(pastIt);
      try {
        // Tokens expire by the same clock: one issued at the moved time.
        const late = await post(`${server.url}/api/shows/${showId}/publish`, await accessTokenFor(server, 'admin-1', ['admin']));
        expect(late).toMatchObject({ status: 409, body: { code: 'SHOW_IN_PAST', startsAt: '2099-05-01T19:30:00.000Z' } });
        expect(await typesOf(showStream(showId))).toEqual(['show.created.v1']);
      } finally {
        clock.advance(-pastIt);
      }
      expect(await post(`${server.url}/api/shows/${showId}/publish`, admin)).toMatchObject({ status: 200, body: { status: 'on_sale' } });
    });
  });

  describe('currency', () => {
    it.each(['XYZ', 'ABC', 'eur'])('refuses %s with 400 VALIDATION_FAILED naming the field', async (currency) => {
      const bad = await post(`${server.url}/api/shows`, admin, { ...showBody(), currency });
      expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'currency' }] } });
    });

    it('accepts an ISO 4217 code other than EUR', async () => {
      expect((await post(`${server.url}/api/shows`, admin, { ...showBody(), currency: 'JPY' })).status).toBe(201);
    });
  });

  describe('cards', () => {
    it('refuses a card past its expiry month by the server clock: 402 CARD_EXPIRED, no charge, no event, still held', async () => {
      const bookingId = await heldBooking();
      // The server clock says April 2027: March 2027 is over, April is not.
      const expired = await pay(bookingId, { ...GOOD_CARD, expMonth: 3, expYear: 2027 });
      expect(expired).toMatchObject({ status: 402, body: { code: 'CARD_EXPIRED' } });
      expect(JSON.stringify(expired.body)).not.toContain('4242');
      expect(provider().calls.filter((call) => call.key === bookingId)).toEqual([]);
      expect(await typesOf(bookingStream(bookingId))).toEqual(['booking.placed.v1']);
      const booking = await fetch(`${server.url}/api/bookings/${bookingId}`, { headers: { authorization: `Bearer ${alice}` } });
      expect(await booking.json()).toMatchObject({ status: 'held' });
      // A card good through this month still pays.
      expect(await pay(bookingId, { ...GOOD_CARD, expMonth: 4, expYear: 2027 })).toMatchObject({ status: 200, body: { status: 'confirmed' } });
    });

    it('refuses to pay a confirmed booking again (409 INVALID_BOOKING_STATE), charging once', async () => {
      const bookingId = await heldBooking();
      expect((await pay(bookingId, GOOD_CARD, { 'idempotency-key': 'pay-once' })).status).toBe(200);
      expect(await pay(bookingId)).toMatchObject({ status: 409, body: { code: 'INVALID_BOOKING_STATE' } });
      expect(await pay(bookingId, GOOD_CARD, { 'idempotency-key': 'pay-twice' })).toMatchObject({ status: 409, body: { code: 'INVALID_BOOKING_STATE' } });
      expect(provider().calls.filter((call) => call.key === bookingId && call.outcome === 'succeeded')).toHaveLength(1);
    });

    it('answers a replay of the same Idempotency-Key with the first confirmation', async () => {
      const bookingId = await heldBooking();
      const headers = { 'idempotency-key': 'pay-replayed' };
      const first = await pay(bookingId, GOOD_CARD, headers);
      expect(first).toMatchObject({ status: 200, body: { status: 'confirmed' } });
      const replay = await pay(bookingId, GOOD_CARD, headers);
      expect(replay.status).toBe(200);
      expect(replay.body).toEqual(first.body);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(provider().calls.filter((call) => call.key === bookingId && call.outcome !== 'declined')).toHaveLength(1);
    });

    it('answers a retry of the same command (its stored answer lost) from the log, and refuses any other', async () => {
      const bookingId = await heldBooking();
      const bus = server.app.get(CommandBus);
      const card = { ...GOOD_CARD, number: '4242424242424242' };
      const context = { actorId: 'alice', correlationId: 'first', causationId: 'pay-command-1', now: clock.now() };
      const first = await bus.execute(new PayBookingCommand(bookingId, 'alice', card, context));
      expect(first).toMatchObject({ status: 'confirmed' });
      expect(await bus.execute(new PayBookingCommand(bookingId, 'alice', card, { ...context, correlationId: 'retry' }))).toEqual(first);
      await expect(bus.execute(new PayBookingCommand(bookingId, 'alice', card, { ...context, causationId: 'pay-command-2' }))).rejects.toMatchObject({
        code: 'INVALID_BOOKING_STATE',
      });
    });

    it('gives every event of a payment its own id, even when one request declines and is sent again with another card', async () => {
      const bookingId = await heldBooking();
      const headers = { 'idempotency-key': 'declined-then-good' };
      expect((await pay(bookingId, DECLINED_CARD, headers)).status).toBe(402);
      // A failed request leaves no stored answer: the same key runs again, as the same command.
      expect((await pay(bookingId, GOOD_CARD, headers)).status).toBe(200);
      const events = await store.readStream(bookingStream(bookingId));
      expect(events.map((event) => event.type)).toEqual([
        'booking.placed.v1',
        'booking.payment-started.v1',
        'booking.payment-declined.v1',
        'booking.payment-started.v1',
        'booking.confirmed.v1',
      ]);
      expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    });
  });
});
