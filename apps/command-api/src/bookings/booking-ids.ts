import { deterministicEventId } from '@tessera/platform/commands/event-sourcing';

/**
 * Ids the booking flow derives instead of drawing at random, so a retry after a crash lands on
 * the same booking, the same tickets and the same refund, and the log recognises the duplicate.
 */

/** The booking a request with this command id (from its Idempotency-Key) creates. */
export const bookingIdFor = (commandId: string): string => deterministicEventId(commandId, 'booking', 0);

/** The ticket a booking's payment issues for one of its seats. */
export const ticketIdFor = (bookingId: string, seatId: string): string => deterministicEventId(`ticket:${bookingId}`, seatId, 0);

/** The refund of a booking's charge: one per booking, whatever undoes it. */
export const refundIdFor = (bookingId: string): string => `rf_${deterministicEventId(`refund:${bookingId}`, 'refund', 0)}`;
