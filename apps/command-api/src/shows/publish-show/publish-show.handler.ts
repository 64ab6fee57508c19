import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { showStream, type PublishShowResponse } from '@tessera/contracts';
import { Show } from '@tessera/domain';
import { Decision, handleCommand } from '@tessera/platform/commands/handle-command';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { PublishShowCommand } from './publish-show.command';

@CommandHandler(PublishShowCommand)
export class PublishShowHandler implements ICommandHandler<PublishShowCommand, PublishShowResponse> {
  constructor(private readonly store: EventStore) {}

  execute({ showId, context }: PublishShowCommand): Promise<PublishShowResponse> {
    const stream = showStream(showId);
    const onSale = (position: number): PublishShowResponse => ({ showId, status: 'on_sale', position: String(position) });
    return handleCommand(this.store, {
      context,
      read: (streams) => streams.read(stream, Show.showDecider),
      decide: (show): Decision<PublishShowResponse> => {
        // The same request again after it went through: the same answer.
        const published = show.events.find((event) => event.type === 'show.published.v1' && event.metadata.causationId === context.causationId);
        if (published) return { answer: onSale(published.position) };
        const events = Show.decide({ type: 'PublishShow', data: { showId }, metadata: { now: context.now.toISOString() } }, show.state);
        return { append: { [stream]: events }, answer: ({ position }) => onSale(position) };
      },
    });
  }
}
