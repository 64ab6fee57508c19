import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { bookingStream, ticketStream, type BookingEvent, type PayBookingResponse } from '@tessera/contracts';
import { Booking, decidePayBooking, DomainError, type PlacedBooking } from '@tessera/domain';
import { CommandContext, deterministicEventId, retryOnConflict, toAppend } from '@tessera/platform/commands/event-sourcing';
import { EventStore, RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { PaymentProvider } from '@tessera/platform/payments/payment-provider.port';
import { TicketCodes } from '@tessera/platform/security/ticket-codes';
import { Clock } from '@tessera/platform/time/clock';
import { BookingProbe } from '../booking-probe';
import { refundIdFor, ticketIdFor } from '../booking-ids';
import { appendsOf, ownBooking, positionOfAppend, readBooking, readSeats, readTickets } from '../box-office-streams';
import { PayBookingCommand } from './pay-booking.command';

/** The decline code providers give a card past its expiry (Stripe's `expired_card`). */
const EXPIRED_CARD = 'expired_card';

/** Stands in for the charge id in the check before charging, which only looks at the holds. */
const NOT_CHARGED_YET = 'not-charged-yet';

/**
 * Paying: check the booking is the caller's and still held (a dry run of `decidePayBooking`, so
 * an expired hold answers 409 before any money moves), claim it for this attempt
 * (`booking.payment-started.v1` at the booking's revision: a cancel that got there first stops
 * the attempt before it charges, and a later cancel waits for its outcome), charge (idempotent
 * per booking), then one conditional append of booking.confirmed + seat.sold per seat +
 * ticket.issued per ticket at the revisions read. If the hold was lost between the check and the
 * append, the charge is refunded (`RefundBooking`) and the answer is 409 HOLD_EXPIRED: a late
 * payment never becomes a second sale.
 */
@CommandHandler(PayBookingCommand)
export class PayBookingHandler implements ICommandHandler<PayBookingCommand, PayBookingResponse> {
  private readonly logger = new Logger('PayBooking');

  constructor(
    private readonly store: EventStore,
    private readonly payments: PaymentProvider,
    private readonly codes: TicketCodes,
    private readonly probe: BookingProbe,
    private readonly clock: Clock,
  ) {}

  async execute(command: PayBookingCommand): Promise<PayBookingResponse> {
    const { bookingId, userId, card, context } = command;
    const now = context.now.toISOString();
    const loaded = await readBooking(this.store, bookingId);
    const booking = ownBooking(loaded.state, bookingId, userId);
    // The same request again (same Idempotency-Key), after its answer was lost: the same
    // confirmation, no second charge. Any other payment of a confirmed booking is refused below.
    if (booking.status === 'confirmed' && this.confirmedBy(loaded.events, context.causationId)) return this.confirmationFromLog(bookingId);
    if (!Booking.isPlaced(booking)) return this.confirmationFromLog(bookingId); // a rejected booking: INVALID_BOOKING_STATE

    const tickets = booking.seats.map(({ seatId }) => ({ ticketId: ticketIdFor(bookingId, seatId), seatId }));
    const confirm = (paymentId: string, at = now): Booking.ConfirmBooking => ({
      type: 'ConfirmBooking',
      data: { bookingId, paymentId, tickets },
      metadata: { now: at },
    });
    const seatsBefore = await readSeats(this.store, booking.showId, Booking.seatIdsOf(booking));
    decidePayBooking({ booking, seats: seatsBefore.states, command: confirm(NOT_CHARGED_YET) });
    await this.claim(command);
    await this.probe.reached('pay-booking:before-charge');

    const charge = await this.payments.charge({ bookingId, amount: booking.amount, currency: booking.currency, card });
    if (charge.status === 'declined') {
      await this.recordDecline(command, charge.declineCode);
      if (charge.declineCode === EXPIRED_CARD) throw new DomainError('CARD_EXPIRED', 'the card has expired', {});
      throw new DomainError('PAYMENT_DECLINED', 'the card was declined', { declineCode: charge.declineCode });
    }
    await this.probe.reached('pay-booking:after-charge');

    // Charging takes time: what happens after it is decided at the time it happens.
    const chargedAt = this.clock.now();
    const afterCharge = { ...context, now: chargedAt };
    try {
      return await retryOnConflict(async () => {
        const current = await readBooking(this.store, bookingId);
        const seats = await readSeats(this.store, booking.showId, Booking.seatIdsOf(booking));
        const decision = decidePayBooking({ booking: current.state, seats: seats.states, command: confirm(charge.paymentId, chargedAt.toISOString()) });
        if (decision.booking.length === 0) return this.confirmationFromLog(bookingId);
        const result = await this.store.appendMulti(
          appendsOf(
            decision,
            { showId: booking.showId, bookingId, bookingRevision: current.revision, seatRevisions: seats.revisions },
            afterCharge,
          ),
        );
        return {
          bookingId,
          status: 'confirmed' as const,
          tickets: tickets.map((ticket) => ({ ...ticket, code: this.codes.sign({ ticketId: ticket.ticketId, version: 1 }) })),
          position: String(result.position),
        };
      });
    } catch (error) {
      const holdLost = error instanceof DomainError && ['HOLD_EXPIRED', 'SEATS_UNAVAILABLE', 'INVALID_BOOKING_STATE'].includes(error.code);
      if (!holdLost) throw error;
      await this.refundLostHold(command, charge.paymentId, this.clock.now());
      if (error.code === 'INVALID_BOOKING_STATE') throw error;
      throw new DomainError('HOLD_EXPIRED', 'the hold ended before the payment arrived; the charge was refunded', {
        seats: Booking.seatIdsOf(booking),
        refunded: true,
      });
    }
  }

  /**
   * Writes down, at the booking's revision, that this attempt is about to charge. Refused (and
   * nothing charged) when the booking is no longer held, was confirmed by another payment, the
   * card has expired, or another attempt is charging; a retry of this same attempt finds its claim.
   */
  private async claim({ bookingId, card, context }: PayBookingCommand): Promise<void> {
    const stream = bookingStream(bookingId);
    const { expMonth, expYear } = card;
    await retryOnConflict(async () => {
      const { state, revision } = await readBooking(this.store, bookingId);
      const events = Booking.decide(
        {
          type: 'StartPayment',
          data: { bookingId, attemptId: context.causationId, card: { expMonth, expYear } },
          metadata: { now: context.now.toISOString() },
        },
        state,
      );
      if (events.length === 0) return;
      await this.appendOfAttempt(stream, events, context, revision);
    });
  }

  /**
   * One attempt writes several events to the booking stream under its one command id (its
   * claim, then its decline or confirmation; again if the same request is sent once more after
   * a decline). Ids by index in the append, as `toAppend` makes them, would repeat; ids by the
   * revision each event lands at do not, and a re-append at the same revision still finds its own.
   */
  private appendOfAttempt(stream: string, events: BookingEvent[], context: CommandContext, revision: number | 'no_stream') {
    const first = revision === 'no_stream' ? 0 : revision + 1;
    const appends = toAppend(stream, events, context).map((event, i) => ({ ...event, id: deterministicEventId(context.causationId, stream, first + i) }));
    return this.store.append(stream, appends, { expectedRevision: revision });
  }

  /** Whether this request (its command id) is the one that confirmed the booking. */
  private confirmedBy(events: readonly RecordedEvent[], causationId: string): boolean {
    return events.some((event) => event.type === 'booking.confirmed.v1' && event.metadata.causationId === causationId);
  }

  /** Compensation: the money goes back, and the log says why (`booking.refunded.v1`, hold_lost). */
  private async refundLostHold({ bookingId, context }: PayBookingCommand, paymentId: string, now: Date): Promise<void> {
    const refundId = refundIdFor(bookingId);
    const stream = bookingStream(bookingId);
    await retryOnConflict(async () => {
      const { state, revision } = await readBooking(this.store, bookingId);
      const events = Booking.decide(
        { type: 'RefundBooking', data: { bookingId, refundId, paymentId }, metadata: { now: now.toISOString() } },
        state,
      );
      if (events.length === 0) return;
      const { amount, currency } = state as PlacedBooking;
      await this.payments.refund({ refundId, paymentId, amount, currency });
      await this.store.append(stream, toAppend(stream, events, { ...context, causationId: refundId, now }), { expectedRevision: revision });
    });
    this.logger.warn({ bookingId, paymentId, refundId }, 'payment arrived after the hold was lost; refunded');
  }

  /** The decline ends the attempt's claim, so a cancel waiting on it goes ahead at once. */
  private async recordDecline({ bookingId, context }: PayBookingCommand, declineCode: string): Promise<void> {
    const stream = bookingStream(bookingId);
    await retryOnConflict(async () => {
      const { state, revision } = await readBooking(this.store, bookingId);
      const events = Booking.decide({ type: 'RecordPaymentDeclined', data: { bookingId, declineCode } }, state);
      if (events.length === 0) return;
      await this.appendOfAttempt(stream, events, context, revision);
    }).catch((error: unknown) =>
      // The claim then lapses by itself; the customer's answer (402) does not depend on this.
      this.logger.warn({ err: error, bookingId }, 'could not record the declined payment'),
    );
  }

  /** The booking's confirmation as the log has it, with each ticket's current code. */
  private async confirmationFromLog(bookingId: string): Promise<PayBookingResponse> {
    const { state, events } = await readBooking(this.store, bookingId);
    if (state.status !== 'confirmed') {
      throw new DomainError('INVALID_BOOKING_STATE', `a ${state.status} booking cannot be paid`, { status: state.status });
    }
    const confirmed = events.find((event) => event.type === 'booking.confirmed.v1');
    const ticketIds = state.tickets.map((ticket) => ticket.ticketId);
    const { states } = await readTickets(this.store, ticketIds);
    const position = confirmed
      ? await positionOfAppend(this.store, [...state.tickets.map(({ ticketId }) => ticketStream(ticketId))], confirmed)
      : events[events.length - 1].position;
    return {
      bookingId,
      status: 'confirmed',
      tickets: state.tickets.map(({ ticketId, seatId }) => {
        const ticket = states[ticketId];
        const version = ticket && ticket.status !== 'none' ? ticket.version : 1;
        return { ticketId, seatId, code: this.codes.sign({ ticketId, version }) };
      }),
      position: String(position),
    };
  }
}
