import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Booking, decideExpireBooking } from '@tessera/domain';
import { CommandContext } from '@tessera/platform/commands/event-sourcing';
import { Decision, handleCommand } from '@tessera/platform/commands/handle-command';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { readBooking, readSeats, readVoucher, streamsOf } from '../box-office-streams';
import { ExpireBookingCommand } from './expire-booking.command';

type Expiry = { expired: boolean; position?: string };

/**
 * booking.expired + seat.released for each seat the booking still holds, in one append at the
 * revisions read. Safe on several instances at once: the event ids derive from the booking, the
 * append is conditional, and after a conflict the re-read finds the work done and decides nothing.
 */
@CommandHandler(ExpireBookingCommand)
export class ExpireBookingHandler implements ICommandHandler<ExpireBookingCommand, Expiry> {
  constructor(private readonly store: EventStore) {}

  execute({ bookingId, now }: ExpireBookingCommand): Promise<Expiry> {
    const context: CommandContext = {
      actorId: 'system:hold-expiry',
      correlationId: bookingId,
      causationId: `expire:${bookingId}`,
      now,
    };
    return handleCommand(this.store, {
      context,
      read: async (streams) => {
        const { state: booking } = await readBooking(streams, bookingId);
        if (booking.status !== 'held') return { booking, seats: {}, voucher: undefined };
        const [seats, voucher] = await Promise.all([
          readSeats(streams, booking.showId, Booking.seatIdsOf(booking)),
          booking.discount ? readVoucher(streams, booking.showId, booking.discount.code) : undefined,
        ]);
        return { booking, seats, voucher: voucher?.state };
      },
      decide: ({ booking, seats, voucher }): Decision<Expiry> => {
        if (booking.status !== 'held') return { answer: { expired: false } };
        const command: Booking.ExpireBooking = { type: 'ExpireBooking', data: { bookingId }, metadata: { now: now.toISOString() } };
        const decision = decideExpireBooking({ booking, seats, voucher, command });
        if (decision.booking.length === 0) return { answer: { expired: false } };
        return {
          append: streamsOf(decision, { showId: booking.showId, bookingId }),
          answer: ({ position }) => ({ expired: true, position: String(position) }),
        };
      },
    });
  }
}
