import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';

/** Answers the log position of the revocation, or null when there was nothing to revoke. */
export class LogoutCommand extends Command<{ position: string | null }> {
  constructor(
    readonly refreshToken: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
