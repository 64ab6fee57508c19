import type { BookingEvent, BuyerEvent, SeatEvent, TicketEvent, VoucherEvent } from '@tessera/contracts';

/**
 * What a box-office decision across several streams returns: the events for each stream, keyed
 * by seat id and ticket id. The handler appends them all in one atomic multi-stream append, each
 * stream at the revision it read. Streams that get no event are left out.
 */
export interface BookingDecision {
  booking: BookingEvent[];
  /** Seat id → events for `seat-{showId}-{seatId}`. */
  seats: Record<string, SeatEvent[]>;
  /** Ticket id → events for `ticket-{ticketId}`. */
  tickets: Record<string, TicketEvent[]>;
  /** Events for `voucher-{showId}-{code}`: the use a booking takes or gives back; absent without a voucher. */
  voucher?: { code: string; events: VoucherEvent[] };
  /** Events for `buyer-{showId}-{userId}`, for a show with per-account limits. */
  buyer?: BuyerEvent[];
}

export const byStream = <TEvent>(entries: [string, TEvent[]][]): Record<string, TEvent[]> =>
  Object.fromEntries(entries.filter(([, events]) => events.length > 0));
