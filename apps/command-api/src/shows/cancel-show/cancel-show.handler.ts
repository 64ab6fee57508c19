import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { showStream, type CancelShowResponse } from '@tessera/contracts';
import { showDecider } from '@tessera/domain';
import { loadStream, retryOnConflict, toAppend } from '@tessera/platform/commands/event-sourcing';
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
    return retryOnConflict(async () => {
      const show = await loadStream(this.events, stream, showDecider.evolve, showDecider.initialState);
      const decided = showDecider.decide({ type: 'CancelShow', data: { showId, reason } }, show.state);
      const result = await this.events.append(stream, toAppend(stream, decided, context), {
        expectedRevision: show.revision,
      });
      return { showId, status: 'cancelled', position: String(result.position) };
    });
  }
}
