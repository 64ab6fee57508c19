import { Command } from '@nestjs/cqrs';
import type { ChangeRolesResponse, Role } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';

export class ChangeRolesCommand extends Command<ChangeRolesResponse> {
  constructor(
    readonly userId: string,
    readonly roles: Role[],
    readonly context: CommandContext,
  ) {
    super();
  }
}
