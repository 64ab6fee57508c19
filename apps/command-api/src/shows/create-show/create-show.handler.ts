import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { showStream, type CreateShowResponse } from '@tessera/contracts';
import { DomainError, Show } from '@tessera/domain';
import { Decision, handleCommand } from '@tessera/platform/commands/handle-command';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { RefusalWithStatus } from '@tessera/platform/http/refusal-status';
import { CreateShowCommand } from './create-show.command';

@CommandHandler(CreateShowCommand)
export class CreateShowHandler implements ICommandHandler<CreateShowCommand, CreateShowResponse> {
  constructor(private readonly store: EventStore) {}

  execute({ showId, request, context }: CreateShowCommand): Promise<CreateShowResponse> {
    const stream = showStream(showId);
    const { categories, sections, ...fields } = request;
    const command: Show.CreateShow = {
      type: 'CreateShow',
      data: {
        ...fields,
        showId,
        categories: categories.map(({ id, name, price }) => ({ id, name, price })),
        sections: sections.map(({ id, name, categoryId, rows }) => ({
          id,
          name,
          categoryId,
          rows: rows.map(({ label, seats }) => ({ label, seats })),
        })),
      },
      metadata: { now: context.now.toISOString() },
    };
    return handleCommand(this.store, {
      context,
      read: (streams) => streams.read(stream, Show.showDecider),
      decide: (show): Decision<CreateShowResponse> => {
        // Retried with the same Idempotency-Key after the show was written: the same answer again.
        const created = show.events.find((event) => event.type === 'show.created.v1' && event.metadata.causationId === context.causationId);
        if (created) return { answer: { showId, position: String(created.position) } };
        return { append: { [stream]: decideCreation(command, show.state) }, answer: ({ position }) => ({ showId, position: String(position) }) };
      },
    });
  }
}

/** A past date on creation is the request's own fault: 400, not the 409 of publishing a stale draft. */
const decideCreation = (command: Show.CreateShow, state: Show.ShowState) => {
  try {
    return Show.decide(command, state);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'SHOW_IN_PAST') throw new RefusalWithStatus(error, 400);
    throw error;
  }
};
