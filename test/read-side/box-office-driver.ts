import { bookingStream, seatStream, showStream, ticketStream, type ShowCreated } from '@tessera/contracts';
import {
  Booking,
  decideCancelBooking,
  decideExpireBooking,
  decidePayBooking,
  decidePlaceBooking,
  Seat,
  Show,
  Ticket,
  type BookingDecision,
} from '@tessera/domain';
import { loadStream, toAppend, type CommandContext } from '@tessera/platform/commands/event-sourcing';
import type { EventStore, StreamAppend } from '@tessera/platform/event-store/event-store.port';
import { randomUUID } from 'node:crypto';

/**
 * Drives the box office the way the command handlers do (read streams, decide with the real
 * deciders, append atomically with expected revisions), without HTTP: the read side's tests and
 * benchmark feed real events to the projector through it.
 */
export class BoxOfficeDriver {
  constructor(
    private readonly store: EventStore,
    private now: Date = new Date('2027-04-01T10:00:00.000Z'),
  ) {}

  /** Moves the driver's clock (holds expire by it). */
  advance(minutes: number): void {
    this.now = new Date(this.now.getTime() + minutes * 60_000);
  }

  context(actorId = 'user:test'): CommandContext {
    return { actorId, correlationId: randomUUID(), causationId: randomUUID(), now: new Date(this.now) };
  }

  async createShow(data: ShowCreated['data'], publish = true): Promise<number> {
    const ctx = this.context('admin');
    const events = Show.decide({ type: 'CreateShow', data, metadata: { now: ctx.now.toISOString() } }, Show.initialState);
    let result = await this.store.append(showStream(data.showId), toAppend(showStream(data.showId), events, ctx), { expectedRevision: 'no_stream' });
    if (publish) {
      const { state, revision } = await loadStream(this.store, showStream(data.showId), Show.evolve, Show.initialState);
      const published = Show.decide({ type: 'PublishShow', data: { showId: data.showId }, metadata: { now: this.now.toISOString() } }, state);
      result = await this.store.append(showStream(data.showId), toAppend(showStream(data.showId), published, this.context('admin')), {
        expectedRevision: revision,
      });
    }
    return result.position;
  }

  async cancelShow(showId: string): Promise<number> {
    const { state, revision } = await loadStream(this.store, showStream(showId), Show.evolve, Show.initialState);
    const events = Show.decide({ type: 'CancelShow', data: { showId, reason: 'storm' } }, state);
    return (await this.store.append(showStream(showId), toAppend(showStream(showId), events, this.context('admin')), { expectedRevision: revision })).position;
  }

  async placeBooking(showId: string, userId: string, seatIds: string[], bookingId: string = randomUUID()): Promise<{ bookingId: string; position: number }> {
    const show = await loadStream(this.store, showStream(showId), Show.evolve, Show.initialState);
    const seats = await this.loadSeats(showId, seatIds);
    const decision = decidePlaceBooking({
      show: show.state,
      seats: Object.fromEntries(Object.entries(seats).map(([id, s]) => [id, s.state])),
      command: { type: 'PlaceBooking', data: { bookingId, userId, showId, seatIds }, metadata: { now: this.now.toISOString() } },
    });
    const position = await this.appendDecision(showId, bookingId, { ...decision, tickets: {} }, 'no_stream', seats, {}, userId);
    return { bookingId, position };
  }

  async payBooking(bookingId: string): Promise<{ position: number; ticketIds: string[] }> {
    const booking = await loadStream(this.store, bookingStream(bookingId), Booking.evolve, Booking.initialState);
    if (!Booking.isPlaced(booking.state)) throw new Error(`booking ${bookingId} is not placed`);
    const { showId, userId } = booking.state;
    const seatIds = Booking.seatIdsOf(booking.state);
    const seats = await this.loadSeats(showId, seatIds);
    const tickets = seatIds.map((seatId) => ({ ticketId: randomUUID(), seatId }));
    const decision = decidePayBooking({
      booking: booking.state,
      seats: Object.fromEntries(Object.entries(seats).map(([id, s]) => [id, s.state])),
      command: { type: 'ConfirmBooking', data: { bookingId, paymentId: randomUUID(), tickets }, metadata: { now: this.now.toISOString() } },
    });
    const position = await this.appendDecision(showId, bookingId, decision, booking.revision, seats, {}, userId);
    return { position, ticketIds: tickets.map((ticket) => ticket.ticketId) };
  }

  async cancelBooking(bookingId: string, reason: 'customer_cancelled' | 'show_cancelled' = 'customer_cancelled'): Promise<number> {
    const booking = await loadStream(this.store, bookingStream(bookingId), Booking.evolve, Booking.initialState);
    if (!Booking.isPlaced(booking.state)) throw new Error(`booking ${bookingId} is not placed`);
    const { showId, userId } = booking.state;
    const seats = await this.loadSeats(showId, Booking.seatIdsOf(booking.state));
    const tickets: Record<string, Awaited<ReturnType<typeof loadStream<Ticket.TicketState, never>>>> = {};
    for (const { ticketId } of booking.state.tickets) {
      tickets[ticketId] = await loadStream(this.store, ticketStream(ticketId), Ticket.evolve, Ticket.initialState);
    }
    const decision = decideCancelBooking({
      booking: booking.state,
      seats: Object.fromEntries(Object.entries(seats).map(([id, s]) => [id, s.state])),
      tickets: Object.fromEntries(Object.entries(tickets).map(([id, t]) => [id, t.state])),
      command: { type: 'CancelBooking', data: { bookingId, reason, refundId: randomUUID() }, metadata: { now: this.now.toISOString() } },
    });
    return this.appendDecision(showId, bookingId, decision, booking.revision, seats, tickets, userId);
  }

  async expireBooking(bookingId: string): Promise<number> {
    const booking = await loadStream(this.store, bookingStream(bookingId), Booking.evolve, Booking.initialState);
    if (!Booking.isPlaced(booking.state)) throw new Error(`booking ${bookingId} is not placed`);
    const { showId } = booking.state;
    const seats = await this.loadSeats(showId, Booking.seatIdsOf(booking.state));
    const decision = decideExpireBooking({
      booking: booking.state,
      seats: Object.fromEntries(Object.entries(seats).map(([id, s]) => [id, s.state])),
      command: { type: 'ExpireBooking', data: { bookingId }, metadata: { now: this.now.toISOString() } },
    });
    return this.appendDecision(showId, bookingId, { ...decision, tickets: {} }, booking.revision, seats, {}, 'system:sweeper');
  }

  async transferTicket(ticketId: string, fromUserId: string, toUserId: string): Promise<number> {
    const ticket = await loadStream(this.store, ticketStream(ticketId), Ticket.evolve, Ticket.initialState);
    const events = Ticket.decide({ type: 'TransferTicket', data: { ticketId, byOwnerId: fromUserId, toOwnerId: toUserId } }, ticket.state);
    return (await this.store.append(ticketStream(ticketId), toAppend(ticketStream(ticketId), events, this.context(fromUserId)), { expectedRevision: ticket.revision })).position;
  }

  async checkIn(ticketId: string): Promise<number> {
    const ticket = await loadStream(this.store, ticketStream(ticketId), Ticket.evolve, Ticket.initialState);
    if (!Ticket.isIssued(ticket.state)) throw new Error('no ticket');
    const events = Ticket.decide(
      { type: 'CheckIn', data: { ticketId, version: ticket.state.version, staffId: 'staff1' }, metadata: { now: this.now.toISOString() } },
      ticket.state,
    );
    return (await this.store.append(ticketStream(ticketId), toAppend(ticketStream(ticketId), events, this.context('staff1')), { expectedRevision: ticket.revision })).position;
  }

  private async loadSeats(showId: string, seatIds: string[]) {
    const seats: Record<string, Awaited<ReturnType<typeof loadStream<Seat.SeatState, never>>>> = {};
    for (const seatId of seatIds) seats[seatId] = await loadStream(this.store, seatStream(showId, seatId), Seat.evolve, Seat.initialState);
    return seats;
  }

  private async appendDecision(
    showId: string,
    bookingId: string,
    decision: BookingDecision,
    bookingRevision: number | 'no_stream',
    seats: Record<string, { revision: number | 'no_stream' }>,
    tickets: Record<string, { revision: number | 'no_stream' }>,
    actorId: string,
  ): Promise<number> {
    const ctx = this.context(actorId);
    const appends: StreamAppend[] = [];
    if (decision.booking.length > 0) {
      appends.push({ stream: bookingStream(bookingId), expectedRevision: bookingRevision, events: toAppend(bookingStream(bookingId), decision.booking, ctx) });
    }
    for (const [seatId, events] of Object.entries(decision.seats)) {
      const stream = seatStream(showId, seatId);
      appends.push({ stream, expectedRevision: seats[seatId]?.revision ?? 'no_stream', events: toAppend(stream, events, ctx) });
    }
    for (const [ticketId, events] of Object.entries(decision.tickets)) {
      const stream = ticketStream(ticketId);
      appends.push({ stream, expectedRevision: tickets[ticketId]?.revision ?? 'no_stream', events: toAppend(stream, events, ctx) });
    }
    if (appends.length === 0) return this.store.headPosition();
    return (await this.store.appendMulti(appends)).position;
  }
}

/** A show of `sections` sections × `rows` rows × `seatsPerRow` seats, two categories. */
export const showOf = (showId: string, options: { sections?: number; rows?: number; seatsPerRow?: number; startsAt?: string; name?: string } = {}): ShowCreated['data'] => {
  const { sections = 2, rows = 2, seatsPerRow = 5 } = options;
  return {
    showId,
    name: options.name ?? `Show ${showId}`,
    venue: 'Arena',
    startsAt: options.startsAt ?? '2027-05-01T19:30:00.000Z',
    currency: 'EUR',
    holdMinutes: 10,
    maxSeatsPerBooking: 8,
    categories: [
      { id: 'vip', name: 'VIP', price: 12000 },
      { id: 'std', name: 'Standard', price: 4500 },
    ],
    sections: Array.from({ length: sections }, (_, s) => ({
      id: `S${s + 1}`,
      name: `Section ${s + 1}`,
      categoryId: s === 0 ? 'vip' : 'std',
      rows: Array.from({ length: rows }, (_, r) => ({ label: String(r + 1), seats: seatsPerRow })),
    })),
  };
};
