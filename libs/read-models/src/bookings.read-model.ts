import type { BookingStatus, ErrorCode } from '@tessera/contracts';
import { BOOKING_EVENT_TYPES } from '@tessera/contracts';
import type { ProjectionDescriptor, ReadModelDocument } from './read-model';

/**
 * Bookings: the status of each booking (GET /api/bookings/{id}) and each user's bookings
 * (GET /api/me/bookings): one document per user holds the ids of their bookings, so that the list
 * is one lookup and one read of those bookings by id. Version 1 kept a copy of every booking's
 * summary in the user's document, the second largest share of memory after the idempotency
 * records (about 630 bytes a booking in the embedded store).
 */

export const BOOKINGS = 'bookings';
export const USER_BOOKINGS = 'user_bookings';

export type BookingSummary = {
  bookingId: string;
  showId: string;
  status: BookingStatus;
  seats: string[];
  expiresAt: string | null;
  amount: number;
  currency: string;
  /** One per seat once confirmed; codes are signed at query time. */
  tickets: { ticketId: string; seatId: string }[];
  /** When the booking was placed (or rejected; while pending, requested), from the event's metadata. */
  placedAt: string;
}

export type BookingDoc = ReadModelDocument & BookingSummary & {
  userId: string;
  /** Why an asynchronous placement was refused. */
  rejection?: { code: ErrorCode; unavailableSeats: string[] };
}

export type UserBookingsDoc = ReadModelDocument & {
  userId: string;
  /** The user's booking ids, as the keys of a set (each `true`). */
  bookingIds: Record<string, true>;
}

export const bookingsDescriptor: ProjectionDescriptor = {
  name: 'bookings',
  version: 2,
  collections: [BOOKINGS, USER_BOOKINGS],
  // A payment attempt's claim changes nothing a reader sees: the booking stays held until it ends.
  eventTypes: BOOKING_EVENT_TYPES.filter((type) => type !== 'booking.payment-started.v1'),
};
