import { Booking } from '@tessera/domain';
import { CommandContext } from '@tessera/platform/commands/event-sourcing';
import { handleCommand } from '@tessera/platform/commands/handle-command';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { PaymentProvider } from '@tessera/platform/payments/payment-provider.port';
import { decideCancellation, readCancellation, Undone } from '../bookings/cancel-booking/booking-cancellation';
import { readBooking } from '../bookings/box-office-streams';

/** A booking of a cancelled show that was taken back: what the log now says about it. */
export type UndoOutcome = Undone | 'nothing_to_undo';

/**
 * Conflicts here come from customers paying or cancelling the same booking at the same moment;
 * each retry re-reads everything, so a few more attempts than a request handler makes are cheap.
 */
const ATTEMPTS = 8;

/**
 * Undo one booking because its show was cancelled (booking-cancellation.ts). Idempotent: a
 * booking already undone, expired or never placed decides nothing. A payment in flight is not
 * waited for: its confirmation then fails on the released seats and refunds its charge.
 */
export const undoBookingOfCancelledShow = (
  deps: { events: EventStore; payments: PaymentProvider },
  bookingId: string,
  context: CommandContext,
): Promise<UndoOutcome> =>
  handleCommand(deps.events, {
    context,
    attempts: ATTEMPTS,
    read: async (streams) => readCancellation(streams, (await readBooking(streams, bookingId)).state),
    decide: (read) =>
      Booking.isPlaced(read.booking)
        ? decideCancellation<UndoOutcome>(deps.payments, read, { bookingId, reason: 'show_cancelled', context }, {
            undone: (undone) => undone,
            nothing: () => 'nothing_to_undo',
          })
        : { answer: 'nothing_to_undo' },
  });
