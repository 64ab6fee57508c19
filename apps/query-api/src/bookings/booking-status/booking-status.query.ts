import { Query } from '@nestjs/cqrs';
import type { BookingView } from '@tessera/contracts';

/** One booking of the caller's, as it stands now (also the place a `202 pending` placement is polled). */
export class BookingStatusQuery extends Query<BookingView> {
  constructor(
    readonly bookingId: string,
    readonly userId: string,
  ) {
    super();
  }
}
