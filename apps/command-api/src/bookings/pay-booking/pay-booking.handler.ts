import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { bookingStream, type BookingEvent, type PayBookingResponse } from '@tessera/contracts';
import { Booking, decidePayBooking, DomainError, type PlacedBooking } from '@tessera/domain';
import { Decision, handleCommand } from '@tessera/platform/commands/handle-command';
import { EventStore, RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { PaymentProvider } from '@tessera/platform/payments/payment-provider.port';
import { TicketCodes } from '@tessera/platform/security/ticket-codes';
import { Clock } from '@tessera/platform/time/clock';
import { BookingProbe } from '../booking-probe';
import { refundIdFor, ticketIdFor } from '../booking-ids';
import { ownBooking, readBooking, readSeats, streamsOf } from '../box-office-streams';
import { confirmationFromLog } from './booking-confirmation';
import { PayBookingCommand } from './pay-booking.command';

/** The decline code providers give a card past its expiry (Stripe's `expired_card`). */
const EXPIRED_CARD = 'expired_card';

/** Stands in for the charge id in the check before charging, which only looks at the holds. */
const NOT_CHARGED_YET = 'not-charged-yet';

/** A booking this attempt has claimed, and the tickets its confirmation will issue. */
interface Claimed {
  booking: PlacedBooking;
  tickets: Booking.BookedTicket[];
}

/**
 * Paying, in three commands around the charge, each read → decide → append (handleCommand):
 * 1. claim: check the booking is the caller's and still held (a dry run of `decidePayBooking`,
 *    so an expired hold answers 409 before any money moves) and claim it for this attempt
 *    (`booking.payment-started.v1` at the booking's revision: a cancel that got there first stops
 *    the attempt before it charges, and a later cancel waits for its outcome);
 * 2. charge (idempotent per booking); a decline is written down, ending the claim;
 * 3. confirm: booking.confirmed + seat.sold per seat + ticket.issued per ticket at the revisions
 *    read. If the hold was lost between the check and the append, the charge is refunded
 *    (`RefundBooking`) and the answer is 409 HOLD_EXPIRED: a late payment never becomes a second sale.
 * The same request again (same Idempotency-Key) after it went through gets the replayed answer
 * (booking-confirmation.ts), and no second charge.
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
    const claimed = await this.claim(command);
    if (claimed === 'from the log') return confirmationFromLog(this.store, this.codes, command.bookingId);
    await this.probe.reached('pay-booking:before-charge');
    const paymentId = await this.charge(command, claimed.booking);
    await this.probe.reached('pay-booking:after-charge');
    return this.confirm(command, claimed, paymentId);
  }

  /**
   * Writes down, at the booking's revision, that this attempt is about to charge. Refused (and
   * nothing charged) when the booking is no longer held, was confirmed by another payment, the
   * card has expired, or another attempt is charging; a retry of this same attempt finds its claim.
   * The attempt's events on the booking stream (claim, then decline or confirmation) share one
   * command id, so their ids derive from the revision each lands at.
   */
  private claim({ bookingId, userId, card, context }: PayBookingCommand): Promise<Claimed | 'from the log'> {
    const now = context.now.toISOString();
    return handleCommand(this.store, {
      context,
      eventIds: 'by-revision',
      read: async (streams) => {
        const loaded = await readBooking(streams, bookingId);
        const booking = ownBooking(loaded.state, bookingId, userId);
        const seats = Booking.isPlaced(booking) ? await readSeats(streams, booking.showId, Booking.seatIdsOf(booking)) : {};
        return { booking, events: loaded.events, seats };
      },
      decide: ({ booking, events, seats }): Decision<Claimed | 'from the log'> => {
        // The same request again after its answer was lost: the same confirmation. Any other
        // payment of a confirmed booking is refused below; a rejected one answers INVALID_BOOKING_STATE.
        if ((booking.status === 'confirmed' && this.confirmedBy(events, context.causationId)) || !Booking.isPlaced(booking)) {
          return { answer: 'from the log' };
        }
        const claimed: Claimed = { booking, tickets: booking.seats.map(({ seatId }) => ({ ticketId: ticketIdFor(bookingId, seatId), seatId })) };
        decidePayBooking({ booking, seats, command: confirmationOf(claimed, NOT_CHARGED_YET, now) });
        const { expMonth, expYear } = card;
        const started = Booking.decide(
          { type: 'StartPayment', data: { bookingId, attemptId: context.causationId, card: { expMonth, expYear } }, metadata: { now } },
          booking,
        );
        return toBooking(bookingId, started, claimed);
      },
    });
  }

  /** The charge; a decline is written down (so a cancel waiting on it goes ahead) and answers 402. */
  private async charge(command: PayBookingCommand, { bookingId, amount, currency }: PlacedBooking): Promise<string> {
    const charge = await this.payments.charge({ bookingId, amount, currency, card: command.card });
    if (charge.status !== 'declined') return charge.paymentId;
    await this.recordDecline(command, charge.declineCode);
    if (charge.declineCode === EXPIRED_CARD) throw new DomainError('CARD_EXPIRED', 'the card has expired', {});
    throw new DomainError('PAYMENT_DECLINED', 'the card was declined', { declineCode: charge.declineCode });
  }

  /** The sale, at the time it happens (charging takes time); a hold lost meanwhile is refunded. */
  private async confirm(command: PayBookingCommand, claimed: Claimed, paymentId: string): Promise<PayBookingResponse> {
    const { bookingId, context } = command;
    const { showId } = claimed.booking;
    const seatIds = Booking.seatIdsOf(claimed.booking);
    const chargedAt = this.clock.now();
    try {
      return await handleCommand(this.store, {
        context: { ...context, now: chargedAt },
        read: async (streams) => {
          const [booking, seats] = await Promise.all([readBooking(streams, bookingId), readSeats(streams, showId, seatIds)]);
          return { booking: booking.state, seats };
        },
        decide: ({ booking, seats }): Decision<PayBookingResponse> => {
          const decision = decidePayBooking({ booking, seats, command: confirmationOf(claimed, paymentId, chargedAt.toISOString()) });
          if (decision.booking.length === 0) return { answer: confirmationFromLog(this.store, this.codes, bookingId) };
          return {
            append: streamsOf(decision, { showId, bookingId }),
            answer: ({ position }) => ({
              bookingId,
              status: 'confirmed',
              tickets: claimed.tickets.map((ticket) => ({ ...ticket, code: this.codes.sign({ ticketId: ticket.ticketId, version: 1 }) })),
              position: String(position),
            }),
          };
        },
      });
    } catch (error) {
      const holdLost = error instanceof DomainError && ['HOLD_EXPIRED', 'SEATS_UNAVAILABLE', 'INVALID_BOOKING_STATE'].includes(error.code);
      if (!holdLost) throw error;
      await this.refundLostHold(command, paymentId, this.clock.now());
      if (error.code === 'INVALID_BOOKING_STATE') throw error;
      throw new DomainError('HOLD_EXPIRED', 'the hold ended before the payment arrived; the charge was refunded', { seats: seatIds, refunded: true });
    }
  }

  /** Whether this request (its command id) is the one that confirmed the booking. */
  private confirmedBy(events: readonly RecordedEvent[], causationId: string): boolean {
    return events.some((event) => event.type === 'booking.confirmed.v1' && event.metadata.causationId === causationId);
  }

  /** Compensation: the money goes back, and the log says why (`booking.refunded.v1`, hold_lost). */
  private async refundLostHold({ bookingId, context }: PayBookingCommand, paymentId: string, now: Date): Promise<void> {
    const refundId = refundIdFor(bookingId);
    await handleCommand(this.store, {
      context: { ...context, causationId: refundId, now },
      read: async (streams) => (await readBooking(streams, bookingId)).state,
      decide: (state) => {
        const events = Booking.decide({ type: 'RefundBooking', data: { bookingId, refundId, paymentId }, metadata: { now: now.toISOString() } }, state);
        const { amount, currency } = state as PlacedBooking;
        return { ...toBooking(bookingId, events, undefined), before: () => this.payments.refund({ refundId, paymentId, amount, currency }) };
      },
    });
    this.logger.warn({ bookingId, paymentId, refundId }, 'payment arrived after the hold was lost; refunded');
  }

  /** The decline ends the attempt's claim, so a cancel waiting on it goes ahead at once. */
  private async recordDecline({ bookingId, context }: PayBookingCommand, declineCode: string): Promise<void> {
    await handleCommand(this.store, {
      context,
      eventIds: 'by-revision',
      read: async (streams) => (await readBooking(streams, bookingId)).state,
      decide: (state) => toBooking(bookingId, Booking.decide({ type: 'RecordPaymentDeclined', data: { bookingId, declineCode } }, state), undefined),
    }).catch((error: unknown) =>
      // The claim then lapses by itself; the customer's answer (402) does not depend on this.
      this.logger.warn({ err: error, bookingId }, 'could not record the declined payment'),
    );
  }
}

const confirmationOf = ({ booking, tickets }: Claimed, paymentId: string, now: string): Booking.ConfirmBooking => ({
  type: 'ConfirmBooking',
  data: { bookingId: booking.bookingId, paymentId, tickets },
  metadata: { now },
});

/** Events for the booking stream, answering `result` either way; none: nothing to append. */
const toBooking = <TResult>(bookingId: string, events: BookingEvent[], result: TResult): Decision<TResult> =>
  events.length === 0 ? { answer: result } : { append: { [bookingStream(bookingId)]: events }, answer: () => result };
