import { randomUUID } from 'node:crypto';
import {
  bookingStream,
  emailStream,
  seatStream,
  showStream,
  ticketStream,
  type DomainEvent,
} from '@tessera/contracts';
import {
  Booking,
  decidePayBooking,
  decidePlaceBooking,
  emailReservationDecider,
  Seat,
  showDecider,
  type BookingDecision,
  type ShowState,
} from '@tessera/domain';
import { CommandContext, loadStream, toAppend } from '@tessera/platform/commands/event-sourcing';
import { EventStore, StreamAppend } from '@tessera/platform/event-store/event-store.port';
import { PaymentProvider } from '@tessera/platform/payments/payment-provider.port';
import { hashEmail } from '@tessera/platform/security/email-hash';
import { TicketCodes } from '@tessera/platform/security/ticket-codes';
import { SUCCEEDING_TEST_CARD } from '@tessera/platform/payments/simulated-payment-provider';
import type { TestApp } from '../support/test-app';

/**
 * Puts shows, accounts and paid bookings into a started server's log the way its handlers
 * would: through the real deciders, appended at the revisions read. The ticket and show
 * cancellation tests need sold tickets, whatever state the booking endpoints are in.
 */

const contextOf = (actorId: string): CommandContext => ({
  actorId,
  correlationId: randomUUID(),
  causationId: randomUUID(),
  now: new Date(),
});

const appendDecided = async (store: EventStore, stream: string, events: DomainEvent[], expected: number | 'no_stream', actor: string) =>
  store.append(stream, toAppend(stream, events, contextOf(actor)), { expectedRevision: expected });

export class BoxOfficeLog {
  readonly store: EventStore;
  readonly codes: TicketCodes;

  constructor(readonly server: TestApp) {
    this.store = server.app.get(EventStore);
    this.codes = server.app.get(TicketCodes);
  }

  /** The server's own provider: the charges made here are the ones its refunds give back. */
  get payments(): PaymentProvider {
    return this.server.app.get(PaymentProvider);
  }

  /** An on-sale show with one section `A` of `seats` seats in row 1, at 45.00 each. */
  async showOnSale(seats = 10): Promise<string> {
    const showId = randomUUID();
    const stream = showStream(showId);
    const created = showDecider.decide(
      {
        type: 'CreateShow',
        data: {
          showId,
          name: 'Night Concert',
          venue: 'Arena',
          startsAt: '2030-05-01T19:30:00.000Z',
          currency: 'EUR',
          holdMinutes: 10,
          maxSeatsPerBooking: 8,
          categories: [{ id: 'std', name: 'Standard', price: 4500 }],
          sections: [{ id: 'A', name: 'Stalls A', categoryId: 'std', rows: [{ label: '1', seats }] }],
        },
        metadata: { now: new Date().toISOString() },
      },
      showDecider.initialState,
    );
    await appendDecided(this.store, stream, created, 'no_stream', 'admin');
    await appendDecided(this.store, stream, [{ type: 'show.published.v1', data: { showId } }], 0, 'admin');
    return showId;
  }

  async show(showId: string): Promise<ShowState> {
    return (await loadStream(this.store, showStream(showId), showDecider.evolve, showDecider.initialState)).state;
  }

  /** An account known by its e-mail, as registration leaves it (the reservation stream). */
  async account(email: string): Promise<string> {
    const userId = randomUUID();
    const decided = emailReservationDecider.decide({ type: 'ReserveEmail', data: { email, userId } }, emailReservationDecider.initialState);
    await appendDecided(this.store, emailStream(hashEmail(email)), decided, 'no_stream', userId);
    return userId;
  }

  /**
   * The appends of a placement decided on a show state read earlier: a test may decide first and
   * append later, as a placement that read the show just before it was cancelled does.
   */
  decidePlacement(show: ShowState, userId: string, seatIds: string[]): { bookingId: string; appends: StreamAppend[] } {
    if (show.status === 'none') throw new Error('no such show');
    const bookingId = randomUUID();
    const context = contextOf(userId);
    const decision = decidePlaceBooking({
      show,
      seats: {},
      command: { type: 'PlaceBooking', data: { bookingId, userId, showId: show.showId, seatIds }, metadata: { now: context.now.toISOString() } },
    });
    return { bookingId, appends: this.appendsOf(show.showId, bookingId, decision, context, 'no_stream') };
  }

  /** A held booking of free seats. */
  async held(showId: string, userId: string, seatIds: string[]): Promise<string> {
    const { bookingId, appends } = this.decidePlacement(await this.show(showId), userId, seatIds);
    await this.store.appendMulti(appends);
    return bookingId;
  }

  /** A paid booking: charged through the server's provider, its seats sold, one ticket per seat. */
  async paid(showId: string, userId: string, seatIds: string[]): Promise<{ bookingId: string; tickets: { ticketId: string; seatId: string; code: string }[] }> {
    const bookingId = await this.held(showId, userId, seatIds);
    const booking = await loadStream(this.store, bookingStream(bookingId), Booking.evolve, Booking.initialState);
    if (!Booking.isPlaced(booking.state)) throw new Error('the booking was not placed');
    const charge = await this.payments.charge({
      bookingId,
      amount: booking.state.amount,
      currency: booking.state.currency,
      card: { number: SUCCEEDING_TEST_CARD, expMonth: 12, expYear: 2040, cvc: '123' },
    });
    if (charge.status !== 'succeeded') throw new Error('the test card was declined');
    const tickets = seatIds.map((seatId) => ({ ticketId: randomUUID(), seatId }));
    const context = contextOf(userId);
    const seats = await Promise.all(seatIds.map((seatId) => loadStream(this.store, seatStream(showId, seatId), Seat.evolve, Seat.initialState)));
    const decision = decidePayBooking({
      booking: booking.state,
      seats: Object.fromEntries(seatIds.map((seatId, i) => [seatId, seats[i].state])),
      command: { type: 'ConfirmBooking', data: { bookingId, paymentId: charge.paymentId, tickets }, metadata: { now: context.now.toISOString() } },
    });
    const appends = this.appendsOf(showId, bookingId, decision, context, booking.revision, Object.fromEntries(seatIds.map((seatId, i) => [seatId, seats[i].revision])));
    await this.store.appendMulti(appends);
    return { bookingId, tickets: tickets.map((ticket) => ({ ...ticket, code: this.codes.sign({ ticketId: ticket.ticketId, version: 1 }) })) };
  }

  async typesOf(stream: string): Promise<string[]> {
    return (await this.store.readStream(stream)).map((event) => event.type);
  }

  private appendsOf(
    showId: string,
    bookingId: string,
    decision: Partial<BookingDecision>,
    context: CommandContext,
    bookingRevision: number | 'no_stream',
    seatRevisions: Record<string, number | 'no_stream'> = {},
  ): StreamAppend[] {
    const appends: StreamAppend[] = [];
    if (decision.booking?.length) {
      const stream = bookingStream(bookingId);
      appends.push({ stream, expectedRevision: bookingRevision, events: toAppend(stream, decision.booking, context) });
    }
    for (const [seatId, events] of Object.entries(decision.seats ?? {})) {
      const stream = seatStream(showId, seatId);
      appends.push({ stream, expectedRevision: seatRevisions[seatId] ?? 'no_stream', events: toAppend(stream, events, context) });
    }
    for (const [ticketId, events] of Object.entries(decision.tickets ?? {})) {
      const stream = ticketStream(ticketId);
      appends.push({ stream, expectedRevision: 'no_stream', events: toAppend(stream, events, context) });
    }
    return appends;
  }
}
