import { Command } from '@nestjs/cqrs';

/**
 * How a settlement ended: `placed` or `rejected` by this run, or `already_settled` when there was
 * no request waiting (another run, here or on another instance, settled it first).
 */
export type SettlementOutcome = 'placed' | 'rejected' | 'already_settled';

/** Place a requested booking (`booking.requested.v1`), or write down why it cannot be placed. */
export class SettleBookingCommand extends Command<{ outcome: SettlementOutcome; position?: string }> {
  constructor(readonly bookingId: string) {
    super();
  }
}
