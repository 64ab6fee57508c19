import { Command } from '@nestjs/cqrs';
import type { RegisterResponse } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';

export class RegisterAccountCommand extends Command<RegisterResponse> {
  constructor(
    /** Fresh per request, or derived from the Idempotency-Key so a retried request names the same account. */
    readonly userId: string,
    readonly email: string,
    readonly password: string,
    readonly displayName: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
