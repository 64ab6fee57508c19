import { Command } from '@nestjs/cqrs';
import type { CheckInResponse } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';

/** A member of staff scanned a ticket's QR code at the gate. */
export class CheckInCommand extends Command<CheckInResponse> {
  constructor(
    /** The scanned code, unverified. */
    readonly code: string,
    readonly staffId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
