import { Booking, decideCancelBooking, Seat, Ticket, Voucher } from '@tessera/domain';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';
import type { Decision, StreamReads } from '@tessera/platform/commands/handle-command';
import { PaymentProvider } from '@tessera/platform/payments/payment-provider.port';
import { refundIdFor } from '../booking-ids';
import { readSeats, readTickets, readVoucher, streamsOf } from '../box-office-streams';

/**
 * Undoing a booking, the customer's cancel and the show cancellation's alike: a held booking is
 * cancelled and its seats released; a paid one is refunded through the provider, its seats
 * released and its tickets voided — all in one atomic append over the booking, seat and ticket
 * streams, each at the revision read (handleCommand). The refund id is one per booking, so
 * racing undos ask the provider for one refund.
 *
 * The refund is asked for before the append, so `booking.refunded.v1` records money that was
 * really given back. A crash in between leaves the booking confirmed; the next attempt asks
 * again under the same refund id, which the provider answers with the first refund.
 */

export interface CancellationRead {
  booking: Booking.BookingState;
  seats: Record<string, Seat.SeatState>;
  tickets: Record<string, Ticket.TicketState>;
  /** The booking's voucher, when it was placed with one: its use is given back. */
  voucher?: Voucher.VoucherState;
}

/** What a booking undone now is. */
export type Undone = 'cancelled' | 'refunded';

/** Step 1, once the booking is read: the seats it holds and the tickets it issued. */
export const readCancellation = async (streams: StreamReads, booking: Booking.BookingState): Promise<CancellationRead> => {
  if (!Booking.isPlaced(booking)) return { booking, seats: {}, tickets: {} };
  const [seats, tickets, voucher] = await Promise.all([
    readSeats(streams, booking.showId, Booking.seatIdsOf(booking)),
    readTickets(streams, booking.tickets.map((ticket) => ticket.ticketId)),
    booking.discount ? readVoucher(streams, booking.showId, booking.discount.code) : undefined,
  ]);
  return { booking, seats, tickets, voucher: voucher?.state };
};

/** Step 2: the decision, with the refund to make before its append; `nothing` answers when there is nothing left to undo. */
export const decideCancellation = <TResult>(
  payments: PaymentProvider,
  { booking, seats, tickets, voucher }: CancellationRead,
  cancel: { bookingId: string; reason: Booking.CancelBooking['data']['reason']; context: CommandContext },
  answers: { undone: (undone: Undone, position: number) => TResult; nothing: () => TResult },
): Decision<TResult> => {
  const { bookingId, reason, context } = cancel;
  const decision = decideCancelBooking({
    booking,
    seats,
    tickets,
    voucher,
    command: {
      type: 'CancelBooking',
      data: { bookingId, reason, refundId: refundIdFor(bookingId) },
      metadata: { now: context.now.toISOString() },
    },
  });
  const [event] = decision.booking;
  if (!event || !Booking.isPlaced(booking)) return { answer: answers.nothing() };
  const refund = event.type === 'booking.refunded.v1' ? event.data : undefined;
  return {
    append: streamsOf(decision, { showId: booking.showId, bookingId }),
    before: refund && (() => payments.refund({ refundId: refund.refundId, paymentId: refund.paymentId, amount: refund.amount, currency: refund.currency })),
    context,
    answer: ({ position }) => answers.undone(refund ? 'refunded' : 'cancelled', position),
  };
};
