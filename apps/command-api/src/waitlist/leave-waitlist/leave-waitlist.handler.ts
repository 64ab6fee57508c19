import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { waitlistStream } from '@tessera/contracts';
import { Waitlist } from '@tessera/domain';
import { handleCommand, type Decision } from '@tessera/platform/commands/handle-command';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { readWaitlist } from '../../bookings/box-office-streams';
import { LeaveWaitlistCommand } from './leave-waitlist.command';

/**
 * DELETE /api/shows/{showId}/waitlist/{entryId}: the entry leaves the list (the decider answers
 * another user's entry as a missing one). An offer made before stays the fan's booking.
 */
@CommandHandler(LeaveWaitlistCommand)
export class LeaveWaitlistHandler implements ICommandHandler<LeaveWaitlistCommand, { position: string | null }> {
  constructor(private readonly store: EventStore) {}

  execute({ showId, entryId, userId, context }: LeaveWaitlistCommand): Promise<{ position: string | null }> {
    return handleCommand(this.store, {
      context,
      read: (streams) => readWaitlist(streams, showId),
      decide: (waitlist): Decision<{ position: string | null }> => {
        const events = Waitlist.decide({ type: 'LeaveWaitlist', data: { showId, entryId, userId } }, waitlist.state);
        if (events.length === 0) return { answer: { position: null } };
        return { append: { [waitlistStream(showId)]: events }, answer: ({ position }) => ({ position: String(position) }) };
      },
    });
  }
}
