import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { showStream, type CancelShowResponse } from '@tessera/contracts';
import { showDecider } from '@tessera/domain';
import { Decision, handleCommand } from '@tessera/platform/commands/handle-command';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { CancelShowCommand } from './cancel-show.command';

/**
 * Appends `show.cancelled.v1` at the show's revision. Refunds and voided tickets are not done
 * here: they follow from the event through a durable reaction (apps/command-api/src/show-cancellation),
 * so a crash after this append cannot leave a cancelled show with bookings still standing.
 */
@CommandHandler(CancelShowCommand)
export class CancelShowHandler implements ICommandHandler<CancelShowCommand> {
  constructor(private readonly events: EventStore) {}

  async execute({ showId, reason, context }: CancelShowCommand): Promise<CancelShowResponse> {
    const stream = showStream(showId);
    return handleCommand(this.events, {
      context,
      read: (streams) => streams.read(stream, showDecider),
      decide: (show): Decision<CancelShowResponse> => ({
        append: { [stream]: showDecider.decide({ type: 'CancelShow', data: { showId, reason } }, show.state) },
        answer: ({ position }) => ({ showId, status: 'cancelled', position: String(position) }),
      }),
    });
  }
}
