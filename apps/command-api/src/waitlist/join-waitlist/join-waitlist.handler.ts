import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { waitlistStream, type JoinWaitlistResponse } from '@tessera/contracts';
import { activeEntryOf, decideJoinWaitlist, Waitlist } from '@tessera/domain';
import type { LoadedStream } from '@tessera/platform/commands/event-sourcing';
import { Decision, handleCommand } from '@tessera/platform/commands/handle-command';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { readShow, readWaitlist } from '../../bookings/box-office-streams';
import { JoinWaitlistCommand } from './join-waitlist.command';

/**
 * POST /api/shows/{showId}/waitlist: reads the show and `waitlist-{showId}`, lets the Waitlist
 * decider number the entry, appends at the revision read (two fans joining at once get numbers
 * one after the other). A user already on the list, and a retry, get that entry again.
 */
@CommandHandler(JoinWaitlistCommand)
export class JoinWaitlistHandler implements ICommandHandler<JoinWaitlistCommand, JoinWaitlistResponse> {
  constructor(private readonly store: EventStore) {}

  execute({ showId, entryId, userId, categoryId, seats, context }: JoinWaitlistCommand): Promise<JoinWaitlistResponse> {
    return handleCommand(this.store, {
      context,
      read: async (streams) => {
        const [show, waitlist] = await Promise.all([readShow(streams, showId), readWaitlist(streams, showId)]);
        return { show: show.state, waitlist };
      },
      decide: ({ show, waitlist }): Decision<JoinWaitlistResponse> => {
        const events = decideJoinWaitlist({ show, waitlist: waitlist.state, command: { type: 'JoinWaitlist', data: { showId, entryId, userId, categoryId, seats } } });
        const [joined] = events;
        if (joined?.type === 'waitlist.joined.v1') {
          return { append: { [waitlistStream(showId)]: events }, answer: ({ position }) => ({ entryId, position: String(position), number: joined.data.number }) };
        }
        // A retry of this join, or the user's entry from before.
        const existing = waitlist.state.entries[entryId] ?? activeEntryOf(waitlist.state, userId);
        if (!existing) throw new Error('the decider joined nobody and names no entry');
        return { answer: answerFromLog(waitlist, existing.entryId) };
      },
    });
  }
}

/** The entry as its `waitlist.joined.v1` told it. */
const answerFromLog = ({ state, events }: LoadedStream<Waitlist.WaitlistState>, entryId: string): JoinWaitlistResponse => {
  const joined = events.find((event) => event.type === 'waitlist.joined.v1' && (event.data as { entryId: string }).entryId === entryId);
  return { entryId, position: String(joined?.position ?? 0), number: state.entries[entryId].number };
};
