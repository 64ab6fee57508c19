import type { Role } from '@tessera/contracts';
import type { ProjectionDescriptor, ReadModelDocument } from './read-model';

/**
 * Users: one document per registered account, for the admins' search (GET /api/admin/users) and
 * detail (GET /api/admin/users/{userId}), with the counts of the user's bookings and tickets kept
 * as counters by the projection, so that the detail never scans the bookings or tickets.
 *
 * Lists are newest first by `registeredPosition` (the log position of the registration: unique,
 * so a cursor never skips or repeats an account). The password hash of the registration event is
 * never copied here.
 */

export const USERS = 'users';
/** Who holds each ticket now: a void names no owner, so the projection looks it up here. Internal. */
export const TICKET_HOLDERS = 'ticket_holders';

export type UserDoc = ReadModelDocument & {
  userId: string;
  /** Normalised (normaliseEmail): the exact-match filter compares with it. */
  email: string;
  displayName: string;
  /** `displayName` in lower case (NFC): the text search matches substrings of it and of `email`. */
  displayNameLower: string;
  roles: Role[];
  createdAt: string;
  registeredPosition: number;
  bookingsCount: number;
  ticketsCount: number;
};

export type TicketHolderDoc = ReadModelDocument & { ownerId: string; held: boolean };

/** What a user's counters count (the booking and ticket events that move them). */
export const USER_COUNTER_EVENT_TYPES = ['booking.placed.v1', 'ticket.issued.v1', 'ticket.transferred.v1', 'ticket.voided.v1'] as const;

export const usersDescriptor: ProjectionDescriptor = {
  name: 'users',
  version: 1,
  collections: [USERS, TICKET_HOLDERS],
  eventTypes: ['account.registered.v1', 'account.roles-changed.v1', ...USER_COUNTER_EVENT_TYPES],
  // Newest first alone (the unfiltered list and the text search, which filters a newest-first
  // walk) and per role (multikey); the e-mail filter is an exact match.
  indexes: { [USERS]: [{ registeredPosition: -1 }, { roles: 1, registeredPosition: -1 }, { email: 1 }] },
};
