import type { DomainEvent } from '../events/envelope';

/**
 * Events of the stream `waitlist-{showId}`: a show's waiting list, its entries in the order they
 * joined, and every offer made to one of them. An offer is a real hold for the waiting fan,
 * appended in the same atomic append as its booking and seats, at the revisions read: a seat that
 * comes back is held for one booking only, so it is never offered to two fans.
 */

export const WAITLIST_ENTRY_STATUSES = ['waiting', 'offered', 'expired', 'fulfilled', 'left'] as const;
export type WaitlistEntryStatus = (typeof WAITLIST_ENTRY_STATUSES)[number];

/** A fan joined the show's waiting list for `seats` seats (of `categoryId`, or of any category when null). */
export type WaitlistJoined = DomainEvent<
  'waitlist.joined.v1',
  {
    showId: string;
    entryId: string;
    userId: string;
    categoryId: string | null;
    seats: number;
    /** 1, 2, 3 … in the order of joining: entries are offered seats in this order. */
    number: number;
  }
>;

/** Seats that came back are held for the entry by `bookingId` until `expiresAt`; the fan pays that booking as any other. */
export type WaitlistOffered = DomainEvent<
  'waitlist.offered.v1',
  { showId: string; entryId: string; userId: string; bookingId: string; seatIds: string[]; expiresAt: string }
>;

/** The offer's booking was paid: the entry is done. */
export type WaitlistFulfilled = DomainEvent<'waitlist.fulfilled.v1', { showId: string; entryId: string; userId: string; bookingId: string }>;

/** The offer was not taken (its hold expired, or the fan cancelled it); its seats pass to the next entries. */
export type WaitlistOfferExpired = DomainEvent<
  'waitlist.offer-expired.v1',
  { showId: string; entryId: string; userId: string; bookingId: string; reason: 'expired' | 'cancelled' }
>;

/** The fan left the waiting list. An offer made before stays the fan's booking (to pay or cancel). */
export type WaitlistLeft = DomainEvent<'waitlist.left.v1', { showId: string; entryId: string; userId: string }>;

export type WaitlistEvent = WaitlistJoined | WaitlistOffered | WaitlistFulfilled | WaitlistOfferExpired | WaitlistLeft;

export const WAITLIST_EVENT_TYPES = [
  'waitlist.joined.v1',
  'waitlist.offered.v1',
  'waitlist.fulfilled.v1',
  'waitlist.offer-expired.v1',
  'waitlist.left.v1',
] as const satisfies readonly WaitlistEvent['type'][];

/** The actor of an offer's events, its booking's and seats' included: the hold was made by the waiting list, not by the fan. */
export const WAITLIST_ACTOR = 'system:waitlist';

export const waitlistStream = (showId: string): string => `waitlist-${showId}`;
