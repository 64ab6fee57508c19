import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { showStream, type PublishShowResponse } from '@tessera/contracts';
import { Show } from '@tessera/domain';
import { loadStream, retryOnConflict, toAppend } from '@tessera/platform/commands/event-sourcing';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { PublishShowCommand } from './publish-show.command';

@CommandHandler(PublishShowCommand)
export class PublishShowHandler implements ICommandHandler<PublishShowCommand, PublishShowResponse> {
  constructor(private readonly store: EventStore) {}

  execute({ showId, context }: PublishShowCommand): Promise<PublishShowResponse> {
    const stream = showStream(showId);
    return retryOnConflict(async () => {
      const show = await loadStream(this.store, stream, Show.evolve, Show.initialState);
      const published = show.events.find((event) => event.type === 'show.published.v1' && event.metadata.causationId === context.causationId);
      if (published) return { showId, status: 'on_sale', position: String(published.position) };
      const events = Show.decide({ type: 'PublishShow', data: { showId }, metadata: { now: context.now.toISOString() } }, show.state);
      const result = await this.store.append(stream, toAppend(stream, events, context), { expectedRevision: show.revision });
      return { showId, status: 'on_sale', position: String(result.position) };
    });
  }
}
