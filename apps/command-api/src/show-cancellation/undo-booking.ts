import {
  bookingStream,
  seatStream,
  ticketStream,
  type BookingEvent,
} from '@tessera/contracts';
import { Booking, decideCancelBooking, Seat, Ticket } from '@tessera/domain';
import { CommandContext, loadStream, retryOnConflict, toAppend } from '@tessera/platform/commands/event-sourcing';
import { EventStore, StreamAppend } from '@tessera/platform/event-store/event-store.port';
import { PaymentProvider } from '@tessera/platform/payments/payment-provider.port';
// One refund id per booking, shared with the customer's cancel: racing undos ask for one refund.
import { refundIdFor } from '../bookings/booking-ids';

/** A booking of a cancelled show that was taken back: what the log now says about it. */
export type UndoOutcome = 'cancelled' | 'refunded' | 'nothing_to_undo';

/**
 * Conflicts here come from customers paying or cancelling the same booking at the same moment;
 * each retry re-reads everything, so a few more attempts than a request handler makes are cheap.
 */
const ATTEMPTS = 8;

/**
 * Undo one booking because its show was cancelled: a held booking is cancelled and its seats
 * released; a paid one is refunded through the provider, its seats released and its tickets
 * voided — all in one atomic append over the booking, seat and ticket streams, each at the
 * revision read. Idempotent: a booking already undone (or expired) decides nothing.
 *
 * The refund is asked for before the append, so `booking.refunded.v1` records money that was
 * really given back. A crash in between leaves the booking confirmed; the next run asks again
 * under the same refund id, which the provider answers with the first refund.
 */
export const undoBookingOfCancelledShow = async (
  deps: { events: EventStore; payments: PaymentProvider },
  bookingId: string,
  context: CommandContext,
): Promise<UndoOutcome> =>
  retryOnConflict(async () => {
    const { events, payments } = deps;
    const booking = await loadStream(events, bookingStream(bookingId), Booking.evolve, Booking.initialState);
    if (!Booking.isPlaced(booking.state)) return 'nothing_to_undo';
    const { showId } = booking.state;
    const seatIds = Booking.seatIdsOf(booking.state);
    const ticketIds = booking.state.tickets.map((ticket) => ticket.ticketId);
    const [seats, tickets] = await Promise.all([
      Promise.all(seatIds.map((seatId) => loadStream(events, seatStream(showId, seatId), Seat.evolve, Seat.initialState))),
      Promise.all(ticketIds.map((ticketId) => loadStream(events, ticketStream(ticketId), Ticket.evolve, Ticket.initialState))),
    ]);

    const decision = decideCancelBooking({
      booking: booking.state,
      seats: Object.fromEntries(seatIds.map((seatId, i) => [seatId, seats[i].state])),
      tickets: Object.fromEntries(ticketIds.map((ticketId, i) => [ticketId, tickets[i].state])),
      command: {
        type: 'CancelBooking',
        data: { bookingId, reason: 'show_cancelled', refundId: refundIdFor(bookingId) },
        metadata: { now: context.now.toISOString() },
      },
    });
    const [undone] = decision.booking as BookingEvent[];
    if (!undone) return 'nothing_to_undo';

    if (undone.type === 'booking.refunded.v1') {
      const { refundId, paymentId, amount, currency } = undone.data;
      await payments.refund({ refundId, paymentId, amount, currency });
    }

    const appends: StreamAppend[] = [
      { stream: bookingStream(bookingId), expectedRevision: booking.revision, events: toAppend(bookingStream(bookingId), decision.booking, context) },
    ];
    seatIds.forEach((seatId, i) => {
      const decided = decision.seats[seatId];
      if (!decided) return;
      const stream = seatStream(showId, seatId);
      appends.push({ stream, expectedRevision: seats[i].revision, events: toAppend(stream, decided, context) });
    });
    ticketIds.forEach((ticketId, i) => {
      const decided = decision.tickets[ticketId];
      if (!decided) return;
      const stream = ticketStream(ticketId);
      appends.push({ stream, expectedRevision: tickets[i].revision, events: toAppend(stream, decided, context) });
    });
    await events.appendMulti(appends);
    return undone.type === 'booking.refunded.v1' ? 'refunded' : 'cancelled';
  }, ATTEMPTS);
