import { Command } from '@nestjs/cqrs';
import type { CancelShowResponse } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';

/** An admin calls the show off. Its bookings are undone afterwards by the show-cancellation reaction. */
export class CancelShowCommand extends Command<CancelShowResponse> {
  constructor(
    readonly showId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
