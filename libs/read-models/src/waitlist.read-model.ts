import type { WaitlistEntryStatus } from '@tessera/contracts';
import { WAITLIST_EVENT_TYPES } from '@tessera/contracts';
import type { ProjectionDescriptor, ReadModelDocument } from './read-model';

/**
 * Waiting lists: one document per entry (GET /api/me/waitlist finds a user's by `userId`); an
 * entry's place in line is the number of its show's waiting entries with a number up to its own,
 * counted over the `(showId, status, number)` index.
 */

export const WAITLIST_ENTRIES = 'waitlist_entries';

export type WaitlistEntryDoc = ReadModelDocument & {
  entryId: string;
  showId: string;
  userId: string;
  categoryId: string | null;
  seats: number;
  /** In the order of joining: entries are offered seats in this order. */
  number: number;
  status: WaitlistEntryStatus;
  /** The offer's booking, once offered. */
  bookingId?: string;
  /** Until when the offer holds. */
  expiresAt?: string;
  joinedAt: string;
};

export const waitlistDescriptor: ProjectionDescriptor = {
  name: 'waitlist',
  version: 1,
  collections: [WAITLIST_ENTRIES],
  eventTypes: WAITLIST_EVENT_TYPES,
  indexes: { [WAITLIST_ENTRIES]: [{ userId: 1 }, { showId: 1, status: 1, number: 1 }] },
};
