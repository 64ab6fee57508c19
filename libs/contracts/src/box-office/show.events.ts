import type { DomainEvent } from '../events/envelope';
import type { SeatCategory, SeatSection } from './seat-map';

/** Events of the stream `show-{showId}`. */

/**
 * A show was created in status `draft`, with its whole seat map. The seat map never changes
 * afterwards, so this one event is all a seat lookup needs.
 */
export type ShowCreated = DomainEvent<
  'show.created.v1',
  {
    showId: string;
    name: string;
    venue: string;
    /** ISO 8601 UTC. */
    startsAt: string;
    /** ISO 4217 code; every price of the show is in its minor units. */
    currency: string;
    /** How long a booking holds its seats before they are free again. */
    holdMinutes: number;
    maxSeatsPerBooking: number;
    /** Anti-hoarding (OWASP API6): seats one account may hold unpaid at once; absent, no limit. */
    maxSeatsHeldPerUser?: number;
    /** Anti-hoarding: seats one account may buy (paid plus held); absent, no limit. */
    maxTicketsPerUser?: number;
    categories: SeatCategory[];
    sections: SeatSection[];
  }
>;

/** The show went on sale: from now on it accepts bookings. */
export type ShowPublished = DomainEvent<'show.published.v1', { showId: string }>;

/** The show was called off. Paid bookings are refunded and their tickets voided by reactions. */
export type ShowCancelled = DomainEvent<'show.cancelled.v1', { showId: string; reason: string }>;

export type ShowEvent = ShowCreated | ShowPublished | ShowCancelled;

export const SHOW_EVENT_TYPES = [
  'show.created.v1',
  'show.published.v1',
  'show.cancelled.v1',
] as const satisfies readonly ShowEvent['type'][];
