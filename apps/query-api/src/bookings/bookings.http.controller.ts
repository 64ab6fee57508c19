import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import type { BookingView, MyBookingsResponse, MyTicketsResponse, TicketView } from '@tessera/contracts';
import { DomainError } from '@tessera/domain';
import { CurrentUser, type AuthenticatedUser } from '@tessera/platform/auth/auth';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { TicketCodes } from '@tessera/platform/security/ticket-codes';
import { collectionName } from '../../../projector/src/projection';
import {
  BOOKINGS,
  bookingsProjection,
  ticketsProjection,
  USER_BOOKINGS,
  USER_TICKETS,
  type BookingDoc,
  type BookingSummary,
  type UserBookingsDoc,
  type UserTicketsDoc,
} from '../../../projector/src/read-models';
import { MinPositionInterceptor } from '../read-your-writes/min-position.interceptor';

/**
 * A user's own bookings and tickets. Another user's booking answers 404 exactly like a missing
 * one. Ticket codes are signed here, from (ticketId, version): the read model never stores a
 * code, and a transfer (new version) makes the previous owner's code stop working.
 */
@UseInterceptors(MinPositionInterceptor)
@Controller('api')
export class BookingsHttpController {
  constructor(
    private readonly reads: ReadStore,
    private readonly codes: TicketCodes,
  ) {}

  @Get('bookings/:bookingId')
  async booking(@Param('bookingId') bookingId: string, @CurrentUser() user: AuthenticatedUser): Promise<BookingView> {
    const booking = await this.reads
      .collection<BookingDoc>(collectionName(bookingsProjection, BOOKINGS))
      .findOne({ _id: bookingId });
    if (!booking || booking.userId !== user.userId) {
      throw new DomainError('BOOKING_NOT_FOUND', `booking ${bookingId} does not exist`, { bookingId });
    }
    return this.view(booking, await this.ticketsOf(user.userId));
  }

  @Get('me/bookings')
  async myBookings(@CurrentUser() user: AuthenticatedUser): Promise<MyBookingsResponse> {
    const doc = await this.reads
      .collection<UserBookingsDoc>(collectionName(bookingsProjection, USER_BOOKINGS))
      .findOne({ _id: user.userId });
    const owned = await this.ticketsOf(user.userId);
    const bookings = Object.values(doc?.bookings ?? {}).sort(
      (a, b) => b.placedAt.localeCompare(a.placedAt) || a.bookingId.localeCompare(b.bookingId),
    );
    return { items: bookings.map((booking) => this.view(booking, owned)) };
  }

  @Get('me/tickets')
  async myTickets(@CurrentUser() user: AuthenticatedUser): Promise<MyTicketsResponse> {
    const owned = await this.ticketsOf(user.userId);
    const items: TicketView[] = Object.values(owned)
      .sort((a, b) => a.showId.localeCompare(b.showId) || a.seatId.localeCompare(b.seatId))
      .map((ticket) => ({
        ticketId: ticket.ticketId,
        showId: ticket.showId,
        seatId: ticket.seatId,
        status: ticket.status,
        code: this.codes.sign({ ticketId: ticket.ticketId, version: ticket.version }),
      }));
    return { items };
  }

  private async ticketsOf(userId: string): Promise<UserTicketsDoc['tickets']> {
    const doc = await this.reads
      .collection<UserTicketsDoc>(collectionName(ticketsProjection, USER_TICKETS))
      .findOne({ _id: userId });
    return doc?.tickets ?? {};
  }

  /** A booking's tickets are listed with their codes while the user still owns them. */
  private view(booking: BookingSummary, owned: UserTicketsDoc['tickets']): BookingView {
    return {
      bookingId: booking.bookingId,
      showId: booking.showId,
      status: booking.status,
      seats: booking.seats,
      expiresAt: booking.expiresAt,
      amount: booking.amount,
      currency: booking.currency,
      tickets: booking.tickets.flatMap(({ ticketId, seatId }) => {
        const ticket = owned[ticketId];
        return ticket ? [{ ticketId, seatId, code: this.codes.sign({ ticketId, version: ticket.version }) }] : [];
      }),
    };
  }
}
