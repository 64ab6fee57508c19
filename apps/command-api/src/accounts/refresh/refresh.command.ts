import { Command } from '@nestjs/cqrs';
import type { TokenResponse } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';

export class RefreshSessionCommand extends Command<TokenResponse> {
  constructor(
    readonly refreshToken: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
