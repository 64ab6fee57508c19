import type { BookingEvent, SeatEvent, ShowCreated, ShowEvent, TicketEvent } from '@tessera/contracts';

/**
 * Readable builders for the box-office specs: one small show and the events its streams see.
 * Times are minutes after a fixed instant, so a spec says `at(11)`, not a timestamp.
 */

const T0 = Date.parse('2027-05-01T10:00:00.000Z');
export const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();

export const SHOW_ID = 'show1';

/** VIP section A (2 rows of 3) at 120.00, standard section B (1 row of 4) at 45.00. */
export const showCreated = (overrides: Partial<ShowCreated['data']> = {}): ShowCreated => ({
  type: 'show.created.v1',
  data: {
    showId: SHOW_ID,
    name: 'Night Concert',
    venue: 'Arena',
    startsAt: '2027-05-01T19:30:00.000Z',
    currency: 'EUR',
    holdMinutes: 10,
    maxSeatsPerBooking: 4,
    categories: [
      { id: 'vip', name: 'VIP', price: 12000 },
      { id: 'std', name: 'Standard', price: 4500 },
    ],
    sections: [
      { id: 'A', name: 'Stalls A', categoryId: 'vip', rows: [{ label: '1', seats: 3 }, { label: '2', seats: 3 }] },
      { id: 'B', name: 'Balcony', categoryId: 'std', rows: [{ label: '1', seats: 4 }] },
    ],
    ...overrides,
  },
});
export const showPublished: ShowEvent = { type: 'show.published.v1', data: { showId: SHOW_ID } };
export const showCancelled: ShowEvent = { type: 'show.cancelled.v1', data: { showId: SHOW_ID, reason: 'storm' } };

export const seatHeld = (seatId: string, bookingId: string, until: string): SeatEvent => ({
  type: 'seat.held.v1',
  data: { showId: SHOW_ID, seatId, bookingId, expiresAt: until },
});
export const seatSold = (seatId: string, bookingId: string, ticketId: string): SeatEvent => ({
  type: 'seat.sold.v1',
  data: { showId: SHOW_ID, seatId, bookingId, ticketId },
});
export const seatReleased = (
  seatId: string,
  bookingId: string,
  reason: 'expired' | 'cancelled' | 'refunded' | 'show_cancelled',
): SeatEvent => ({ type: 'seat.released.v1', data: { showId: SHOW_ID, seatId, bookingId, reason } });

/** Booking b1 of user u1 asked for A-1-1 and B-1-2 with `Prefer: respond-async`. */
export const bookingRequested = (bookingId = 'b1', seatIds = ['A-1-1', 'B-1-2']): BookingEvent => ({
  type: 'booking.requested.v1',
  data: { bookingId, userId: 'u1', showId: SHOW_ID, seatIds },
});

/** Booking b1 of user u1: A-1-1 (VIP) and B-1-2 (standard), held until `at(10)`. */
export const bookingPlaced = (bookingId = 'b1', expiresAt = at(10)): BookingEvent => ({
  type: 'booking.placed.v1',
  data: {
    bookingId,
    userId: 'u1',
    showId: SHOW_ID,
    seats: [
      { seatId: 'A-1-1', categoryId: 'vip', price: 12000 },
      { seatId: 'B-1-2', categoryId: 'std', price: 4500 },
    ],
    amount: 16500,
    currency: 'EUR',
    expiresAt,
  },
});
export const B1_TICKETS = [
  { ticketId: 't1', seatId: 'A-1-1' },
  { ticketId: 't2', seatId: 'B-1-2' },
];
export const bookingConfirmed = (bookingId = 'b1', paymentId = 'pay1'): BookingEvent => ({
  type: 'booking.confirmed.v1',
  data: { bookingId, showId: SHOW_ID, paymentId, amount: 16500, currency: 'EUR', tickets: B1_TICKETS },
});

export const ticketIssued = (ticketId = 't1', ownerId = 'u1', seatId = 'A-1-1'): TicketEvent => ({
  type: 'ticket.issued.v1',
  data: { ticketId, bookingId: 'b1', showId: SHOW_ID, seatId, ownerId, version: 1 },
});
export const ticketTransferred = (fromOwnerId: string, toOwnerId: string, version: number, ticketId = 't1'): TicketEvent => ({
  type: 'ticket.transferred.v1',
  data: { ticketId, fromOwnerId, toOwnerId, version },
});
