import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';

/** Answers the position of the leave, or null when the entry had ended already (nothing written). */
export class LeaveWaitlistCommand extends Command<{ position: string | null }> {
  constructor(
    readonly showId: string,
    readonly entryId: string,
    readonly userId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
