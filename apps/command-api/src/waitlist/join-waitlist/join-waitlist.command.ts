import { Command } from '@nestjs/cqrs';
import type { JoinWaitlistResponse } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';

export class JoinWaitlistCommand extends Command<JoinWaitlistResponse> {
  constructor(
    readonly showId: string,
    readonly entryId: string,
    readonly userId: string,
    readonly categoryId: string | null,
    readonly seats: number,
    readonly context: CommandContext,
  ) {
    super();
  }
}
