/**
 * Stream names of the box office (ARCHITECTURE §3). One stream per seat: streams are cheap, and
 * two buyers of different seats never contend on one revision.
 */
export const showStream = (showId: string): string => `show-${showId}`;
export const seatStream = (showId: string, seatId: string): string => `seat-${showId}-${seatId}`;
export const bookingStream = (bookingId: string): string => `booking-${bookingId}`;
export const ticketStream = (ticketId: string): string => `ticket-${ticketId}`;

/** Stream name prefixes, for subscriptions filtered by category. */
export const BOX_OFFICE_STREAM_PREFIXES = {
  show: 'show-',
  seat: 'seat-',
  booking: 'booking-',
  ticket: 'ticket-',
} as const;
