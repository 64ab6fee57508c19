import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { BookingView } from '@tessera/contracts';
import { DomainError } from '@tessera/domain';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { TicketCodes } from '@tessera/platform/security/ticket-codes';
import { type BookingDoc, BOOKINGS, bookingsDescriptor, collectionName } from '@tessera/read-models';
import { bookingViewOf, ticketIdsOf, ticketsOwnedBy } from '../booking-view';
import { BookingStatusQuery } from './booking-status.query';

/** Another user's booking answers 404 exactly like a missing one: booking ids reveal nothing. */
@QueryHandler(BookingStatusQuery)
export class BookingStatusHandler implements IQueryHandler<BookingStatusQuery, BookingView> {
  constructor(
    private readonly reads: ReadStore,
    private readonly codes: TicketCodes,
  ) {}

  async execute({ bookingId, userId }: BookingStatusQuery): Promise<BookingView> {
    const booking = await this.reads.collection<BookingDoc>(collectionName(bookingsDescriptor, BOOKINGS)).findOne({ _id: bookingId }, { readOnly: true });
    if (!booking || booking.userId !== userId) {
      throw new DomainError('BOOKING_NOT_FOUND', `booking ${bookingId} does not exist`, { bookingId });
    }
    return bookingViewOf(booking, await ticketsOwnedBy(this.reads, userId, ticketIdsOf([booking])), this.codes);
  }
}
