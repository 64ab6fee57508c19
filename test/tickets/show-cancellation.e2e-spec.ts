import { bookingStream, seatStream, ticketStream } from '@tessera/contracts';
import { Clock } from '@tessera/platform/time/clock';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { PaymentProvider } from '@tessera/platform/payments/payment-provider.port';
import { Subscriptions } from '@tessera/platform/subscriptions/subscriptions';
import { SimulatedPaymentProvider } from '@tessera/platform/payments/simulated-payment-provider';
import { refundIdFor } from '../../apps/command-api/src/bookings/booking-ids';
import {
  SHOW_CANCELLATION_CHECKPOINT,
  ShowCancellationReaction,
} from '../../apps/command-api/src/show-cancellation/show-cancellation.reaction';
import { accessTokenFor, bearer } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { BoxOfficeLog } from './box-office-log';

/**
 * POST /api/shows/{showId}/cancel and the durable reaction behind it: every paid booking is
 * refunded once, its tickets voided and its seats released; held bookings are cancelled.
 */
describe('show cancellation', () => {
  let server: TestApp;
  let log: BoxOfficeLog;
  let admin: string;

  const cancel = (showId: string, token = admin, body: unknown = { reason: 'storm warning' }) =>
    fetch(`${server.url}/api/shows/${showId}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify(body),
    });
  const checkIn = async (code: string) =>
    fetch(`${server.url}/api/checkins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(await accessTokenFor(server, 'gate', ['staff'])) },
      body: JSON.stringify({ code }),
    });
  const reaction = () => server.app.get(ShowCancellationReaction);
  const refundsAtProvider = () =>
    (server.app.get(PaymentProvider) as SimulatedPaymentProvider).calls.filter((call) => call.kind === 'refund').map((call) => call.key);
  /** Another instance of the reaction over the same log and read store, as a second process would run it. */
  const anotherInstance = () =>
    new ShowCancellationReaction(server.app.get(Subscriptions), server.app.get(EventStore), server.app.get(ReadStore), server.app.get(PaymentProvider), server.app.get(Clock));
  const count = (types: string[], type: string) => types.filter((t) => t === type).length;

  beforeAll(async () => {
    server = await startTestApp();
    log = new BoxOfficeLog(server);
    admin = await accessTokenFor(server, 'admin-1', ['admin']);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('answers 200 cancelled with the position, then 409 INVALID_SHOW_STATE; 404 for an unknown show; admins only', async () => {
    const showId = await log.showOnSale(4);
    const asUser = await cancel(showId, await accessTokenFor(server, 'u1'));
    expect(asUser.status).toBe(403);

    const res = await cancel(showId);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, string>;
    expect(body).toEqual({ showId, status: 'cancelled', position: expect.stringMatching(/^\d+$/) });
    expect(res.headers.get('x-position')).toBe(body.position);

    const again = await cancel(showId);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'INVALID_SHOW_STATE' });
    expect((await cancel('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await cancel(showId, admin, {})).status).toBe(400);
  });

  it('refunds every paid booking once, voids its tickets, releases the seats and cancels held bookings', async () => {
    const showId = await log.showOnSale(10);
    const paid = [
      await log.paid(showId, 'buyer-1', ['A-1-1', 'A-1-2']),
      await log.paid(showId, 'buyer-2', ['A-1-3']),
      await log.paid(showId, 'buyer-3', ['A-1-4']),
    ];
    const held = await log.held(showId, 'buyer-4', ['A-1-5']);
    const otherShow = await log.showOnSale(2);
    const unaffected = await log.paid(otherShow, 'buyer-5', ['A-1-1']);

    const res = await cancel(showId);
    expect(res.status).toBe(200);
    await reaction().whenProcessed(Number(((await res.json()) as { position: string }).position));

    for (const { bookingId, tickets } of paid) {
      const events = await server.app.get(EventStore).readStream(bookingStream(bookingId));
      const refunds = events.filter((event) => event.type === 'booking.refunded.v1');
      expect(refunds).toHaveLength(1);
      expect(refunds[0].data).toMatchObject({ refundId: refundIdFor(bookingId), reason: 'show_cancelled' });
      for (const ticket of tickets) {
        expect(await log.typesOf(ticketStream(ticket.ticketId))).toEqual(['ticket.issued.v1', 'ticket.voided.v1']);
        const scan = await checkIn(ticket.code);
        expect(scan.status).toBe(404);
        expect(await scan.json()).toMatchObject({ code: 'INVALID_TICKET' });
        expect((await log.typesOf(seatStream(showId, ticket.seatId))).at(-1)).toBe('seat.released.v1');
      }
    }
    expect(refundsAtProvider()).toEqual(expect.arrayContaining(paid.map(({ bookingId }) => refundIdFor(bookingId))));
    expect(await log.typesOf(bookingStream(held))).toEqual(['booking.placed.v1', 'booking.cancelled.v1']);
    expect(await log.typesOf(seatStream(showId, 'A-1-5'))).toEqual(['seat.held.v1', 'seat.released.v1']);
    // Another show's booking is left alone.
    expect(await log.typesOf(bookingStream(unaffected.bookingId))).toEqual(['booking.placed.v1', 'booking.confirmed.v1']);
    expect((await checkIn(unaffected.tickets[0].code)).status).toBe(200);
  });

  it('does the work exactly once when two more instances run it at the same time and it is replayed from the start', async () => {
    const showId = await log.showOnSale(10);
    const paid = [await log.paid(showId, 'buyer-6', ['A-1-1', 'A-1-2']), await log.paid(showId, 'buyer-7', ['A-1-3'])];
    const refundsBefore = refundsAtProvider().length;

    // Two more processes' worth of the reaction, racing the server's own on the same cancellation.
    const racers = [anotherInstance(), anotherInstance()];
    racers.forEach((racer) => racer.start());
    const res = await cancel(showId);
    const position = Number(((await res.json()) as { position: string }).position);
    await Promise.all([reaction(), ...racers].map((instance) => instance.whenProcessed(position)));
    await Promise.all(racers.map((racer) => racer.stop()));

    const streams = paid.flatMap(({ bookingId, tickets }) => [
      bookingStream(bookingId),
      ...tickets.flatMap((ticket) => [ticketStream(ticket.ticketId), seatStream(showId, ticket.seatId)]),
    ]);
    const after = await Promise.all(streams.map((stream) => log.typesOf(stream)));
    for (const { bookingId } of paid) expect(count(await log.typesOf(bookingStream(bookingId)), 'booking.refunded.v1')).toBe(1);
    for (const types of after) {
      expect(count(types, 'ticket.voided.v1')).toBeLessThanOrEqual(1);
      expect(count(types, 'seat.released.v1')).toBeLessThanOrEqual(1);
    }
    expect(refundsAtProvider().length - refundsBefore).toBe(paid.length);

    // Forget the checkpoint and replay the whole log: nothing more is written or refunded.
    await server.app.get(ReadStore).deleteCheckpoint(SHOW_CANCELLATION_CHECKPOINT);
    const replay = anotherInstance();
    replay.start();
    await replay.whenProcessed(position);
    await replay.stop();
    expect(await Promise.all(streams.map((stream) => log.typesOf(stream)))).toEqual(after);
    expect(refundsAtProvider().length - refundsBefore).toBe(paid.length);
  });

  it('keeps going when the payment provider fails for a while: the cancellation is retried, then completed once', async () => {
    const showId = await log.showOnSale(4);
    const { bookingId } = await log.paid(showId, 'buyer-9', ['A-1-1']);
    const provider = server.app.get(PaymentProvider);
    const refund = jest.spyOn(provider, 'refund');
    // Three failed attempts use up the retries; the restarted subscription fails once more, then passes.
    for (let i = 0; i < 4; i++) refund.mockRejectedValueOnce(new Error('payment provider unavailable'));
    const res = await cancel(showId);
    await reaction().whenProcessed(Number(((await res.json()) as { position: string }).position));
    expect(refund.mock.calls.length).toBe(5);
    refund.mockRestore();
    expect(count(await log.typesOf(bookingStream(bookingId)), 'booking.refunded.v1')).toBe(1);
    expect(refundsAtProvider()).toContain(refundIdFor(bookingId));
  });

  it('undoes a booking whose placement read the show just before it was cancelled', async () => {
    const showId = await log.showOnSale(4);
    const late = log.decidePlacement(await log.show(showId), 'buyer-8', ['A-1-1']);
    expect((await cancel(showId)).status).toBe(200);
    await server.app.get(EventStore).appendMulti(late.appends);
    const [placed] = await server.app.get(EventStore).readStream(bookingStream(late.bookingId));
    await reaction().whenProcessed(placed.position);
    expect(await log.typesOf(bookingStream(late.bookingId))).toEqual(['booking.placed.v1', 'booking.cancelled.v1']);
    expect(await log.typesOf(seatStream(showId, 'A-1-1'))).toEqual(['seat.held.v1', 'seat.released.v1']);
  });
});
