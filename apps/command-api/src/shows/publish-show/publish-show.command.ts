import { Command } from '@nestjs/cqrs';
import type { PublishShowResponse } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';

export class PublishShowCommand extends Command<PublishShowResponse> {
  constructor(
    readonly showId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
