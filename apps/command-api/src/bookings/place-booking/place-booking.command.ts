import { Command } from '@nestjs/cqrs';
import type { PendingBookingResponse, PlaceBookingResponse } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';

/** The 202 answer, with the position of the `booking.requested.v1` for the X-Position header. */
export type PendingPlacement = PendingBookingResponse & { position: string };

/**
 * Hold seats for a user. With `respondAsync` the handler only writes the request down
 * (`booking.requested.v1`) and answers `pending`; the BookingRequestSettler settles it, ending
 * in `booking.placed.v1` or `booking.rejected.v1`.
 */
export class PlaceBookingCommand extends Command<PlaceBookingResponse | PendingPlacement> {
  constructor(
    readonly bookingId: string,
    readonly userId: string,
    readonly showId: string,
    readonly seatIds: string[],
    readonly context: CommandContext,
    readonly respondAsync = false,
    /** Normalised (upper case); undefined without a voucher. */
    readonly voucherCode?: string,
    /** The `X-Admission-Token` header as sent (a show's open waiting room requires it). */
    readonly admissionToken?: string,
  ) {
    super();
  }
}
