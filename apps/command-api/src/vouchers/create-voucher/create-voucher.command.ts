import { Command } from '@nestjs/cqrs';
import type { CreateVoucherResponse, CreateVoucherRequest } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';

export class CreateVoucherCommand extends Command<CreateVoucherResponse> {
  constructor(
    readonly showId: string,
    readonly voucher: CreateVoucherRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
