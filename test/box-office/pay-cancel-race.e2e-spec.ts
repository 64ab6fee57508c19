import { setTimeout as sleep } from 'node:timers/promises';
import { bookingStream, seatStream, type BookingEvent } from '@tessera/contracts';
import { Booking } from '@tessera/domain';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { PaymentProvider } from '@tessera/platform/payments/payment-provider.port';
import { SimulatedPaymentProvider } from '@tessera/platform/payments/simulated-payment-provider';
import { BookingProbe } from '../../apps/command-api/src/bookings/booking-probe';
import { accessTokenFor } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { createShow, GOOD_CARD, ManualClock, post, type Answer } from './box-office-client';

/**
 * A customer's cancel and payment of the same booking, sent at the same moment, many times over
 * real HTTP. Whichever wins, the cancel must answer what the booking finally is, and a cancel
 * that wins must leave no charge behind (API.md, Bookings and tickets).
 */
describe('cancel racing pay', () => {
  let server: TestApp;
  let alice: string;
  let store: EventStore;
  const PAIRS = 60;
  const WAVE = 10;

  beforeAll(async () => {
    server = await startTestApp({ overrides: { clock: new ManualClock() } });
    alice = await accessTokenFor(server, 'alice');
    store = server.app.get(EventStore);
  });

  afterAll(async () => {
    await server.close();
  });

  const finalState = async (bookingId: string): Promise<Booking.BookingState> =>
    (await store.readStream(bookingStream(bookingId))).reduce(
      (state, event) => Booking.evolve(state, { type: event.type, data: event.data } as BookingEvent),
      Booking.initialState,
    );

  it('answers the true final state every time, and a winning cancel takes no charge', async () => {
    const admin = await accessTokenFor(server, 'admin-1', ['admin']);
    const showId = await createShow(server.url, admin, { rows: Math.ceil(PAIRS / 20), seatsPerRow: 20 });
    const seats = Array.from({ length: PAIRS }, (_, i) => `A-${Math.floor(i / 20) + 1}-${(i % 20) + 1}`);
    const bookings: string[] = [];
    for (const seat of seats) {
      const held = await post<{ bookingId: string }>(`${server.url}/api/bookings`, alice, { showId, seats: [seat] });
      expect(held.status).toBe(201);
      bookings.push(held.body.bookingId);
    }

    const answers: { bookingId: string; seat: string; pay: Answer; cancel: Answer }[] = [];
    for (let start = 0; start < PAIRS; start += WAVE) {
      const wave = bookings.slice(start, start + WAVE).map(async (bookingId, i) => {
        // A head start of up to 3 ms to either side mixes the orders the race can take.
        const payLead = ((i + start) % 7) - 3;
        const [pay, cancel] = await Promise.all([
          sleep(Math.max(0, -payLead)).then(() => post(`${server.url}/api/bookings/${bookingId}/payment`, alice, { card: GOOD_CARD })),
          sleep(Math.max(0, payLead)).then(() => post(`${server.url}/api/bookings/${bookingId}/cancel`, alice)),
        ]);
        answers.push({ bookingId, seat: seats[start + i], pay, cancel });
      });
      await Promise.all(wave);
    }

    const provider = server.app.get(PaymentProvider) as SimulatedPaymentProvider;
    const outcomes = { cancelled: 0, refunded: 0 };
    for (const { bookingId, seat, pay, cancel } of answers) {
      const final = await finalState(bookingId);
      const charges = provider.calls.filter((call) => call.kind === 'charge' && call.key === bookingId && call.outcome === 'succeeded');
      const context = JSON.stringify({ bookingId, pay: pay.body, cancel: cancel.body, final: final.status, charges: charges.length });
      // The cancel's answer is the booking's final state.
      expect({ context, status: cancel.status, answered: cancel.body.status }).toEqual({ context, status: 200, answered: final.status });
      if (final.status === 'cancelled') {
        // The cancel won: the payment stopped before it charged.
        expect({ context, pay: pay.status, code: pay.body.code, charges: charges.length }).toEqual({
          context,
          pay: 409,
          code: 'INVALID_BOOKING_STATE',
          charges: 0,
        });
        outcomes.cancelled += 1;
      } else {
        // The payment won: one charge, confirmed, then refunded by the cancel.
        expect({ context, final: final.status, pay: pay.status, charges: charges.length }).toEqual({ context, final: 'refunded', pay: 200, charges: 1 });
        const refundId = (final as Booking.PlacedBooking).refundId;
        expect(provider.calls.filter((call) => call.kind === 'refund' && call.key === refundId)).toHaveLength(1);
        outcomes.refunded += 1;
      }
      // Either way the seat is free again, and was never sold to anyone else.
      const seatEvents = await store.readStream(seatStream(showId, seat));
      expect(seatEvents.at(-1)?.type).toBe('seat.released.v1');
    }
    process.stdout.write(`cancel racing pay, ${PAIRS} pairs: ${JSON.stringify(outcomes)}\n`);
    // Both ways the race can go were taken (the head starts make sure of it).
    expect(outcomes.cancelled).toBeGreaterThan(0);
    expect(outcomes.refunded).toBeGreaterThan(0);
  });

  it('makes a cancel that arrives while the card is being charged wait, then answer refunded', async () => {
    const admin = await accessTokenFor(server, 'admin-1', ['admin']);
    const showId = await createShow(server.url, admin);
    const bookingId = (await post<{ bookingId: string }>(`${server.url}/api/bookings`, alice, { showId, seats: ['A-1-1'] })).body.bookingId;
    let release = () => {};
    const claimed = new Promise<void>((reached) => {
      server.app.get(BookingProbe).pauseAt('pay-booking:before-charge', () => {
        reached();
        return new Promise<void>((done) => (release = done));
      });
    });
    const paying = post(`${server.url}/api/bookings/${bookingId}/payment`, alice, { card: GOOD_CARD });
    await claimed;
    let cancelAnswer: Answer | undefined;
    const cancelling = post(`${server.url}/api/bookings/${bookingId}/cancel`, alice).then((answer) => (cancelAnswer = answer));
    await sleep(200);
    // The charge is in flight: the cancel has not answered, and the booking is still only claimed.
    expect(cancelAnswer).toBeUndefined();
    expect((await store.readStream(bookingStream(bookingId))).map((event) => event.type)).toEqual(['booking.placed.v1', 'booking.payment-started.v1']);
    release();
    expect(await paying).toMatchObject({ status: 200, body: { status: 'confirmed' } });
    expect(await cancelling).toMatchObject({ status: 200, body: { status: 'refunded' } });
    expect((await finalState(bookingId)).status).toBe('refunded');
  });

  it('refuses a second payment attempt and, after waiting 5 s, a cancel, while a charge is stuck: 409 with Retry-After', async () => {
    const admin = await accessTokenFor(server, 'admin-1', ['admin']);
    const showId = await createShow(server.url, admin);
    const bookingId = (await post<{ bookingId: string }>(`${server.url}/api/bookings`, alice, { showId, seats: ['A-1-1'] })).body.bookingId;
    let release = () => {};
    const claimed = new Promise<void>((reached) => {
      server.app.get(BookingProbe).pauseAt('pay-booking:before-charge', () => {
        reached();
        return new Promise<void>((done) => (release = done));
      });
    });
    const paying = post(`${server.url}/api/bookings/${bookingId}/payment`, alice, { card: GOOD_CARD });
    await claimed;
    try {
      const second = await post(`${server.url}/api/bookings/${bookingId}/payment`, alice, { card: GOOD_CARD });
      expect(second).toMatchObject({ status: 409, body: { code: 'INVALID_BOOKING_STATE', paymentInProgress: true } });
      expect(second.headers.get('retry-after')).toBe('1');
      const started = performance.now();
      const cancel = await post(`${server.url}/api/bookings/${bookingId}/cancel`, alice);
      expect(performance.now() - started).toBeGreaterThanOrEqual(4_900);
      expect(cancel).toMatchObject({ status: 409, body: { code: 'INVALID_BOOKING_STATE', paymentInProgress: true } });
      expect(cancel.headers.get('retry-after')).toBe('1');
    } finally {
      release();
    }
    expect(await paying).toMatchObject({ status: 200, body: { status: 'confirmed' } });
    const provider = server.app.get(PaymentProvider) as SimulatedPaymentProvider;
    expect(provider.calls.filter((call) => call.key === bookingId && call.outcome === 'succeeded')).toHaveLength(1);
  }, 20_000);
});
