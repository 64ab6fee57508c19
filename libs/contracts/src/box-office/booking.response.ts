import type { BookingDiscount } from './voucher.events';
/** Response bodies of the booking endpoints (API.md, Bookings and tickets). */

export type BookingStatus = 'pending' | 'held' | 'confirmed' | 'expired' | 'cancelled' | 'refunded' | 'rejected';

/** 201 of POST /api/bookings. */
export interface PlaceBookingResponse {
  bookingId: string;
  status: 'held';
  showId: string;
  /** Seat ids, as asked for. */
  seats: string[];
  expiresAt: string;
  /** What is payable, after the voucher's discount when there is one. */
  amount: number;
  currency: string;
  /** The voucher it was placed with; absent without one. */
  discount?: BookingDiscount;
  position: string;
}

/** 202 of POST /api/bookings with `Prefer: respond-async`; `Location: /api/bookings/{bookingId}`. */
export interface PendingBookingResponse {
  bookingId: string;
  status: 'pending';
}

export interface IssuedTicketView {
  ticketId: string;
  seatId: string;
  /** The signed QR content. */
  code: string;
}

/** 200 of POST /api/bookings/{bookingId}/payment. */
export interface PayBookingResponse {
  bookingId: string;
  status: 'confirmed';
  tickets: IssuedTicketView[];
  position: string;
}

/** 200 of POST /api/bookings/{bookingId}/cancel: `refunded` when it had been paid. */
export interface CancelBookingResponse {
  bookingId: string;
  status: 'cancelled' | 'refunded';
  position: string;
}

/** 200 of GET /api/bookings/{bookingId}, and the items of GET /api/me/bookings. */
export interface BookingView {
  bookingId: string;
  showId: string;
  status: BookingStatus;
  seats: string[];
  expiresAt: string | null;
  amount: number;
  currency: string;
  tickets: IssuedTicketView[];
}

export interface MyBookingsResponse {
  items: BookingView[];
}
