import { setTimeout as sleep } from 'node:timers/promises';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { CancelBookingResponse } from '@tessera/contracts';
import { Booking, decideCancelBooking } from '@tessera/domain';
import { LoadedStream, retryOnConflict } from '@tessera/platform/commands/event-sourcing';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { PaymentProvider } from '@tessera/platform/payments/payment-provider.port';
import { Clock } from '@tessera/platform/time/clock';
import { refundIdFor } from '../booking-ids';
import { appendsOf, ownBooking, readBooking, readSeats, readTickets } from '../box-office-streams';
import { CancelBookingCommand } from './cancel-booking.command';

/** How long a cancel waits for a charging payment attempt to end before answering 409. */
const PAYMENT_WAIT_MS = 5_000;
const PAYMENT_POLL_MS = 10;

/**
 * The customer calls a booking off: a held one is cancelled, a paid one refunded; its seats are
 * released and its tickets voided in the same atomic append. The refund at the provider comes
 * first, so the log never records a refund that was not made: a crash after it leaves the booking
 * confirmed, and the retry refunds again under the same refund id, which the provider answers
 * with the first result.
 *
 * A cancel never races a charge: while a payment attempt has claimed the booking
 * (`booking.payment-started.v1`), it waits for the attempt's outcome and answers the true final
 * state — `refunded` when the charge went through, `cancelled` when it was declined. If the
 * payment claims the booking between this read and the append, the append fails on the revision
 * and the retry waits in turn.
 */
@CommandHandler(CancelBookingCommand)
export class CancelBookingHandler implements ICommandHandler<CancelBookingCommand, CancelBookingResponse> {
  constructor(
    private readonly store: EventStore,
    private readonly payments: PaymentProvider,
    private readonly clock: Clock,
  ) {}

  execute({ bookingId, userId, context }: CancelBookingCommand): Promise<CancelBookingResponse> {
    const refundId = refundIdFor(bookingId);
    return retryOnConflict(async () => {
      const loaded = await this.readWhenNoChargeInFlight(bookingId, userId);
      const booking = ownBooking(loaded.state, bookingId, userId);
      // Waiting took time: the decision and its events are of the moment they are made.
      const now = this.clock.now();
      const last = loaded.events[loaded.events.length - 1];
      // The same request again after it went through: the same answer.
      if ((booking.status === 'cancelled' || booking.status === 'refunded') && last.metadata.causationId === context.causationId) {
        return { bookingId, status: booking.status, position: String(last.position) };
      }
      const seatIds = Booking.isPlaced(booking) ? Booking.seatIdsOf(booking) : [];
      const ticketIds = Booking.isPlaced(booking) ? booking.tickets.map((ticket) => ticket.ticketId) : [];
      const [seats, tickets] = await Promise.all([readSeats(this.store, booking.showId, seatIds), readTickets(this.store, ticketIds)]);
      const decision = decideCancelBooking({
        booking,
        seats: seats.states,
        tickets: tickets.states,
        command: { type: 'CancelBooking', data: { bookingId, reason: 'customer_cancelled', refundId }, metadata: { now: now.toISOString() } },
      });
      const [event] = decision.booking;
      if (event.type === 'booking.refunded.v1') {
        const { paymentId, amount, currency } = event.data;
        await this.payments.refund({ refundId, paymentId, amount, currency });
      }
      const result = await this.store.appendMulti(
        appendsOf(
          decision,
          { showId: booking.showId, bookingId, bookingRevision: loaded.revision, seatRevisions: seats.revisions, ticketRevisions: tickets.revisions },
          { ...context, now },
        ),
      );
      return { bookingId, status: event.type === 'booking.refunded.v1' ? 'refunded' : 'cancelled', position: String(result.position) };
    });
  }

  /**
   * The booking once no payment attempt is charging it, or as it is when the wait runs out (the
   * decider then refuses with INVALID_BOOKING_STATE, paymentInProgress). Someone else's booking
   * is refused at once, without waiting.
   */
  private async readWhenNoChargeInFlight(bookingId: string, userId: string): Promise<LoadedStream<Booking.BookingState>> {
    const deadline = performance.now() + PAYMENT_WAIT_MS;
    for (;;) {
      const loaded = await readBooking(this.store, bookingId);
      ownBooking(loaded.state, bookingId, userId);
      if (!Booking.paymentInProgress(loaded.state, this.clock.now().toISOString()) || performance.now() >= deadline) return loaded;
      await sleep(PAYMENT_POLL_MS);
    }
  }
}
