import { Command } from '@nestjs/cqrs';
import type { TransferTicketResponse } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';

/** The owner hands a ticket to the account registered under `toEmail`; the ticket gets a new code. */
export class TransferTicketCommand extends Command<TransferTicketResponse> {
  constructor(
    readonly ticketId: string,
    /** The caller, who must own the ticket. */
    readonly userId: string,
    readonly toEmail: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
