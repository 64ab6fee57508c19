import { Command } from '@nestjs/cqrs';
import type { ConfigureWaitingRoomRequest, WaitingRoomResponse } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';

export class ConfigureWaitingRoomCommand extends Command<WaitingRoomResponse> {
  constructor(
    readonly showId: string,
    readonly settings: ConfigureWaitingRoomRequest,
    /** Drawn at the edge for the early arrivals' shuffle; kept from the first configuration on. */
    readonly seed: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
