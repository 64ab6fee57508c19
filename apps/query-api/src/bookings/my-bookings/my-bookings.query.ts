import { Query } from '@nestjs/cqrs';
import type { MyBookingsResponse } from '@tessera/contracts';

/** All of the caller's bookings, newest first. */
export class MyBookingsQuery extends Query<MyBookingsResponse> {
  constructor(readonly userId: string) {
    super();
  }
}
