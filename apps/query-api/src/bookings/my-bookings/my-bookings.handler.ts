import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { MyBookingsResponse } from '@tessera/contracts';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { TicketCodes } from '@tessera/platform/security/ticket-codes';
import { bookingsDescriptor, collectionName, USER_BOOKINGS, type UserBookingsDoc } from '@tessera/read-models';
import { bookingViewOf, ticketsOwnedBy } from '../booking-view';
import { MyBookingsQuery } from './my-bookings.query';

/** One document per user holds their bookings; ties on `placedAt` are broken by id so the order is stable. */
@QueryHandler(MyBookingsQuery)
export class MyBookingsHandler implements IQueryHandler<MyBookingsQuery, MyBookingsResponse> {
  constructor(
    private readonly reads: ReadStore,
    private readonly codes: TicketCodes,
  ) {}

  async execute({ userId }: MyBookingsQuery): Promise<MyBookingsResponse> {
    const doc = await this.reads.collection<UserBookingsDoc>(collectionName(bookingsDescriptor, USER_BOOKINGS)).findOne({ _id: userId });
    const owned = await ticketsOwnedBy(this.reads, userId);
    const bookings = Object.values(doc?.bookings ?? {}).sort(
      (a, b) => b.placedAt.localeCompare(a.placedAt) || a.bookingId.localeCompare(b.bookingId),
    );
    return { items: bookings.map((booking) => bookingViewOf(booking, owned, this.codes)) };
  }
}
