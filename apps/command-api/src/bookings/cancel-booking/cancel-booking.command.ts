import { Command } from '@nestjs/cqrs';
import type { CancelBookingResponse } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';

export class CancelBookingCommand extends Command<CancelBookingResponse> {
  constructor(
    readonly bookingId: string,
    readonly userId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
