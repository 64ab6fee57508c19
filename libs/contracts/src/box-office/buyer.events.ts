import type { DomainEvent } from '../events/envelope';

/**
 * Events of `buyer-{showId}-{userId}`: the bookings one account placed for a show that limits
 * what one account may hold or buy (maxSeatsHeldPerUser, maxTicketsPerUser). Appended with the
 * booking, at the revision read, so two bookings of one account at once cannot both pass a limit.
 * Only the placements are written: each booking's own stream says what became of it.
 */
export type BuyerBookingPlaced = DomainEvent<'buyer.booking-placed.v1', { showId: string; userId: string; bookingId: string; seats: number }>;

export type BuyerEvent = BuyerBookingPlaced;

export const BUYER_EVENT_TYPES = ['buyer.booking-placed.v1'] as const satisfies readonly BuyerEvent['type'][];

export const buyerStream = (showId: string, userId: string): string => `buyer-${showId}-${userId}`;
