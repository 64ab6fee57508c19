import type { DomainEvent } from '../events/envelope';

/** Events of the stream `seat-{showId}-{seatId}`: the one place a seat's fate is decided. */

/** Why a seat became available again. */
export type SeatReleaseReason = 'expired' | 'cancelled' | 'refunded' | 'show_cancelled';

/**
 * The seat is held for a booking until `expiresAt`. After that instant the hold counts as free
 * even if no release was written yet (lazy expiry).
 */
export type SeatHeld = DomainEvent<
  'seat.held.v1',
  {
    showId: string;
    seatId: string;
    bookingId: string;
    /** ISO 8601 UTC. */
    expiresAt: string;
  }
>;

/** The booking's hold (or sale, after a refund) on the seat ended; the seat is available again. */
export type SeatReleased = DomainEvent<
  'seat.released.v1',
  { showId: string; seatId: string; bookingId: string; reason: SeatReleaseReason }
>;

/** The seat was paid for: it belongs to the booking and its ticket until a refund releases it. */
export type SeatSold = DomainEvent<
  'seat.sold.v1',
  { showId: string; seatId: string; bookingId: string; ticketId: string }
>;

export type SeatEvent = SeatHeld | SeatReleased | SeatSold;

export const SEAT_EVENT_TYPES = [
  'seat.held.v1',
  'seat.released.v1',
  'seat.sold.v1',
] as const satisfies readonly SeatEvent['type'][];
