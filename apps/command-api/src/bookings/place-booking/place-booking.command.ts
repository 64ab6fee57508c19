import { Command } from '@nestjs/cqrs';
import type { PendingBookingResponse, PlaceBookingResponse } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';

/**
 * Hold seats for a user. With `respondAsync` the handler answers `pending` at once and settles
 * the booking in the background, ending in `booking.placed.v1` or `booking.rejected.v1`.
 */
export class PlaceBookingCommand extends Command<PlaceBookingResponse | PendingBookingResponse> {
  constructor(
    readonly bookingId: string,
    readonly userId: string,
    readonly showId: string,
    readonly seatIds: string[],
    readonly context: CommandContext,
    readonly respondAsync = false,
  ) {
    super();
  }
}
