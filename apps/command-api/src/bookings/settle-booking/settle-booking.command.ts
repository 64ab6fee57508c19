import { Command } from '@nestjs/cqrs';

/**
 * How a settlement ended: `placed` or `rejected` by this run, or `already_settled` when there was
 * no request waiting (another run, here or on another instance, settled it first). A run that
 * raced another one to the same placement may report `placed` for the other's identical events:
 * the log, not this outcome, is the record.
 */
export type SettlementOutcome = 'placed' | 'rejected' | 'already_settled';

/** Place a requested booking (`booking.requested.v1`), or write down why it cannot be placed. */
export class SettleBookingCommand extends Command<{ outcome: SettlementOutcome; position?: string }> {
  constructor(readonly bookingId: string) {
    super();
  }
}
