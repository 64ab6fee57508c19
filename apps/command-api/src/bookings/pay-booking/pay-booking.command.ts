import { Command } from '@nestjs/cqrs';
import type { PayBookingResponse } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';
import type { PaymentCard } from '@tessera/platform/payments/payment-provider.port';

export class PayBookingCommand extends Command<PayBookingResponse> {
  constructor(
    readonly bookingId: string,
    readonly userId: string,
    readonly card: PaymentCard,
    readonly context: CommandContext,
  ) {
    super();
  }
}
