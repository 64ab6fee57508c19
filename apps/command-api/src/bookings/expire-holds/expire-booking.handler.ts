import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Booking, decideExpireBooking } from '@tessera/domain';
import { CommandContext, retryOnConflict } from '@tessera/platform/commands/event-sourcing';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { appendsOf, readBooking, readSeats } from '../box-office-streams';
import { ExpireBookingCommand } from './expire-booking.command';

/**
 * booking.expired + seat.released for each seat the booking still holds, in one append at the
 * revisions read. Safe on several instances at once: the event ids derive from the booking, the
 * append is conditional, and after a conflict the re-read finds the work done and decides nothing.
 */
@CommandHandler(ExpireBookingCommand)
export class ExpireBookingHandler implements ICommandHandler<ExpireBookingCommand, { expired: boolean; position?: string }> {
  constructor(private readonly store: EventStore) {}

  execute({ bookingId, now }: ExpireBookingCommand): Promise<{ expired: boolean; position?: string }> {
    const context: CommandContext = {
      actorId: 'system:hold-expiry',
      correlationId: bookingId,
      causationId: `expire:${bookingId}`,
      now,
    };
    return retryOnConflict(async () => {
      const booking = await readBooking(this.store, bookingId);
      if (booking.state.status !== 'held') return { expired: false };
      const seats = await readSeats(this.store, booking.state.showId, Booking.seatIdsOf(booking.state));
      const decision = decideExpireBooking({
        booking: booking.state,
        seats: seats.states,
        command: { type: 'ExpireBooking', data: { bookingId }, metadata: { now: now.toISOString() } },
      });
      if (decision.booking.length === 0) return { expired: false };
      const result = await this.store.appendMulti(
        appendsOf(decision, { showId: booking.state.showId, bookingId, bookingRevision: booking.revision, seatRevisions: seats.revisions }, context),
      );
      return { expired: true, position: String(result.position) };
    });
  }
}
