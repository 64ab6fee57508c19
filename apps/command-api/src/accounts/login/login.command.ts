import { Command } from '@nestjs/cqrs';
import type { TokenResponse } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';

export class LoginCommand extends Command<TokenResponse> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
