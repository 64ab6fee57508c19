import { setTimeout as sleep } from 'node:timers/promises';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { CancelBookingResponse } from '@tessera/contracts';
import { Booking } from '@tessera/domain';
import { LoadedStream } from '@tessera/platform/commands/event-sourcing';
import { Decision, handleCommand, StreamReads } from '@tessera/platform/commands/handle-command';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { PaymentProvider } from '@tessera/platform/payments/payment-provider.port';
import { Clock } from '@tessera/platform/time/clock';
import { ownBooking, readBooking } from '../box-office-streams';
import { decideCancellation, readCancellation } from './booking-cancellation';
import { CancelBookingCommand } from './cancel-booking.command';

/** How long a cancel waits for a charging payment attempt to end before answering 409. */
const PAYMENT_WAIT_MS = 5_000;
const PAYMENT_POLL_MS = 10;

/**
 * The customer calls a booking off (booking-cancellation.ts): a held one is cancelled, a paid
 * one refunded; its seats are released and its tickets voided in the same atomic append.
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
    return handleCommand(this.store, {
      context,
      read: async (streams) => {
        const loaded = await this.readWhenNoChargeInFlight(streams, bookingId, userId);
        const read = await readCancellation(streams, ownBooking(loaded.state, bookingId, userId));
        // Waiting took time: the decision and its events are of the moment they are made.
        return { ...read, last: loaded.events[loaded.events.length - 1], now: this.clock.now() };
      },
      decide: (read): Decision<CancelBookingResponse> => {
        const { booking, last } = read;
        // The same request again after it went through: the same answer.
        if ((booking.status === 'cancelled' || booking.status === 'refunded') && last.metadata.causationId === context.causationId) {
          return { answer: { bookingId, status: booking.status, position: String(last.position) } };
        }
        return decideCancellation(this.payments, read, { bookingId, reason: 'customer_cancelled', context: { ...context, now: read.now } }, {
          undone: (status, position) => ({ bookingId, status, position: String(position) }),
          // The decider refuses a customer's cancel of a booking that has nothing left to undo.
          nothing: () => {
            throw new Error(`a customer's cancel of ${bookingId} decided nothing`);
          },
        });
      },
    });
  }

  /**
   * The booking once no payment attempt is charging it, or as it is when the wait runs out (the
   * decider then refuses with INVALID_BOOKING_STATE, paymentInProgress). Someone else's booking
   * is refused at once, without waiting.
   */
  private async readWhenNoChargeInFlight(streams: StreamReads, bookingId: string, userId: string): Promise<LoadedStream<Booking.BookingState>> {
    const deadline = performance.now() + PAYMENT_WAIT_MS;
    for (;;) {
      const loaded = await readBooking(streams, bookingId);
      ownBooking(loaded.state, bookingId, userId);
      if (!Booking.paymentInProgress(loaded.state, this.clock.now().toISOString()) || performance.now() >= deadline) return loaded;
      await sleep(PAYMENT_POLL_MS);
    }
  }
}
