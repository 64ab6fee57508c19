import { Command } from '@nestjs/cqrs';

/** Write down that a booking's hold ran out. `expired` is false when there was nothing to do. */
export class ExpireBookingCommand extends Command<{ expired: boolean; position?: string }> {
  constructor(
    readonly bookingId: string,
    readonly now: Date,
  ) {
    super();
  }
}
