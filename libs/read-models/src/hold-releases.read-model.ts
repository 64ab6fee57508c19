import type { ProjectionDescriptor, ReadModelDocument } from './read-model';

/**
 * Holds released before payment (expired, or cancelled by the fan), per show and account, for the
 * anti-hoarding metric (issue 16, part 4): an account that holds seats and lets them go again and
 * again keeps them from everyone else. One document per (show, account) that released a hold, and
 * one document of totals read at each /metrics scrape: how many (show, account) pairs released
 * exactly k holds, and how many releases were an account's k-th on that show, k from 1 to
 * `RELEASE_ORDINALS` (the last counts k and more). The threshold that makes an account a
 * repeat releaser is applied when reading (REPEAT_RELEASE_THRESHOLD), so changing it needs no rebuild.
 */

export const HOLD_RELEASE_OWNERS = 'hold_release_owners';
export const HOLD_RELEASES = 'hold_releases';
export const HOLD_RELEASE_TOTALS = 'hold_release_totals';
export const HOLD_RELEASE_TOTALS_ID = 'all';

/** Releases are told apart up to this count per (show, account); the last bucket is "this many or more". */
export const RELEASE_ORDINALS = 10;

export type ReleaseReason = 'expired' | 'cancelled';

/**
 * Internal: whose booking it is (booking.expired and booking.cancelled do not name the user), kept
 * only while the booking is held: it goes once the booking is paid, expires or is cancelled.
 */
export type HoldReleaseOwnerDoc = ReadModelDocument & { showId: string; userId: string };

/** `_id`: `{showId}:{userId}`. */
export type HoldReleasesDoc = ReadModelDocument & { showId: string; userId: string; releases: number; lastReleasedAt: string };

export type HoldReleaseTotalsDoc = ReadModelDocument & {
  /** `[k - 1]`: (show, account) pairs with exactly k releases (the last: RELEASE_ORDINALS or more). */
  accountsByReleases: number[];
  /** `[k - 1]`: releases that were their account's k-th on the show, by reason. */
  releasesByOrdinal: Record<ReleaseReason, number[]>;
};

export const holdReleasesDescriptor: ProjectionDescriptor = {
  name: 'hold_releases',
  // 2: owners of bookings that are no longer held are deleted (version 1 kept one per booking ever placed).
  version: 2,
  collections: [HOLD_RELEASE_OWNERS, HOLD_RELEASES, HOLD_RELEASE_TOTALS],
  eventTypes: ['booking.placed.v1', 'booking.confirmed.v1', 'booking.expired.v1', 'booking.cancelled.v1'],
};
