import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { CancelBookingResponse } from '@tessera/contracts';
import { Booking, decideCancelBooking } from '@tessera/domain';
import { retryOnConflict } from '@tessera/platform/commands/event-sourcing';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { PaymentProvider } from '@tessera/platform/payments/payment-provider.port';
import { refundIdFor } from '../booking-ids';
import { appendsOf, ownBooking, readBooking, readSeats, readTickets } from '../box-office-streams';
import { CancelBookingCommand } from './cancel-booking.command';

/**
 * The customer calls a booking off: a held one is cancelled, a paid one refunded; its seats are
 * released and its tickets voided in the same atomic append. The refund at the provider comes
 * first, so the log never records a refund that was not made: a crash after it leaves the booking
 * confirmed, and the retry refunds again under the same refund id, which the provider answers
 * with the first result.
 */
@CommandHandler(CancelBookingCommand)
export class CancelBookingHandler implements ICommandHandler<CancelBookingCommand, CancelBookingResponse> {
  constructor(
    private readonly store: EventStore,
    private readonly payments: PaymentProvider,
  ) {}

  execute({ bookingId, userId, context }: CancelBookingCommand): Promise<CancelBookingResponse> {
    const refundId = refundIdFor(bookingId);
    return retryOnConflict(async () => {
      const loaded = await readBooking(this.store, bookingId);
      const booking = ownBooking(loaded.state, bookingId, userId);
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
        command: { type: 'CancelBooking', data: { bookingId, reason: 'customer_cancelled', refundId } },
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
          context,
        ),
      );
      return { bookingId, status: event.type === 'booking.refunded.v1' ? 'refunded' : 'cancelled', position: String(result.position) };
    });
  }
}
