import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { showStream, type CreateShowResponse } from '@tessera/contracts';
import { DomainError, Show } from '@tessera/domain';
import { loadStream, toAppend } from '@tessera/platform/commands/event-sourcing';
import { EventStore, WrongExpectedRevisionError } from '@tessera/platform/event-store/event-store.port';
import { RefusalWithStatus } from '@tessera/platform/http/refusal-status';
import { CreateShowCommand } from './create-show.command';

@CommandHandler(CreateShowCommand)
export class CreateShowHandler implements ICommandHandler<CreateShowCommand, CreateShowResponse> {
  constructor(private readonly store: EventStore) {}

  async execute({ showId, request, context }: CreateShowCommand): Promise<CreateShowResponse> {
    const stream = showStream(showId);
    const show = await loadStream(this.store, stream, Show.evolve, Show.initialState);
    // Retried with the same Idempotency-Key after the show was written: the same answer again.
    const created = show.events.find((event) => event.type === 'show.created.v1' && event.metadata.causationId === context.causationId);
    if (created) return { showId, position: String(created.position) };

    const { categories, sections, ...fields } = request;
    const events = decideCreation(
      {
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
      },
      show.state,
    );
    try {
      const result = await this.store.append(stream, toAppend(stream, events, context), { expectedRevision: 'no_stream' });
      return { showId, position: String(result.position) };
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return this.execute(new CreateShowCommand(showId, request, context));
      throw error;
    }
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
