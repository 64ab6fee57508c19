import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { MyBookingsResponse } from '@tessera/contracts';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { TicketCodes } from '@tessera/platform/security/ticket-codes';
import { type BookingDoc, BOOKINGS, bookingsDescriptor, collectionName, USER_BOOKINGS, type UserBookingsDoc } from '@tessera/read-models';
import { bookingViewOf, ticketIdsOf, ticketsOwnedBy } from '../booking-view';
import { MyBookingsQuery } from './my-bookings.query';

/**
 * One document per user holds the ids of their bookings, read from `bookings` (read-only: nothing
 * here changes them); ties on `placedAt` are broken by id so the order is stable.
 */
@QueryHandler(MyBookingsQuery)
export class MyBookingsHandler implements IQueryHandler<MyBookingsQuery, MyBookingsResponse> {
  constructor(
    private readonly reads: ReadStore,
    private readonly codes: TicketCodes,
  ) {}

  async execute({ userId }: MyBookingsQuery): Promise<MyBookingsResponse> {
    const list = await this.reads.collection<UserBookingsDoc>(collectionName(bookingsDescriptor, USER_BOOKINGS)).findOne({ _id: userId }, { readOnly: true });
    const ids = Object.keys(list?.bookingIds ?? {});
    const found = ids.length === 0 ? [] : await this.reads.collection<BookingDoc>(collectionName(bookingsDescriptor, BOOKINGS)).find({ _id: { $in: ids } }, { readOnly: true });
    const bookings = found
      .filter((booking) => booking.userId === userId)
      .sort((a, b) => b.placedAt.localeCompare(a.placedAt) || a.bookingId.localeCompare(b.bookingId));
    const owned = await ticketsOwnedBy(this.reads, userId, ticketIdsOf(bookings));
    return { items: bookings.map((booking) => bookingViewOf(booking, owned, this.codes)) };
  }
}
