import { Command } from '@nestjs/cqrs';
import type { CreateShowRequest, CreateShowResponse } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';

export class CreateShowCommand extends Command<CreateShowResponse> {
  constructor(
    readonly showId: string,
    readonly request: CreateShowRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
