import type { BookingCancelled, BookingExpired, BookingPlaced } from '@tessera/contracts';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import {
  HOLD_RELEASE_OWNERS,
  HOLD_RELEASE_TOTALS,
  HOLD_RELEASE_TOTALS_ID,
  HOLD_RELEASES,
  holdReleasesDescriptor,
  RELEASE_ORDINALS,
  type HoldReleaseOwnerDoc,
  type HoldReleasesDoc,
  type HoldReleaseTotalsDoc,
  type ReleaseReason,
} from '@tessera/read-models';
import type { DocumentBatch, Projection } from '../projection';

/** How the hold-release counts (libs/read-models) move: one more release of an account on a show. */

type Totals = Omit<HoldReleaseTotalsDoc, '_position'>;

const zeros = (): number[] => Array.from({ length: RELEASE_ORDINALS }, () => 0);

export const emptyTotals = (): Totals => ({ _id: HOLD_RELEASE_TOTALS_ID, accountsByReleases: zeros(), releasesByOrdinal: { expired: zeros(), cancelled: zeros() } });

const bucketOf = (releases: number): number => Math.min(releases, RELEASE_ORDINALS) - 1;

/** The totals after an account's `releases`-th release on a show (a new object; the given one may be frozen). */
export const countRelease = (doc: Totals | null, releases: number, reason: ReleaseReason): Totals => {
  const totals = doc ?? emptyTotals();
  const accountsByReleases = [...totals.accountsByReleases];
  if (releases > 1) accountsByReleases[bucketOf(releases - 1)] -= 1;
  accountsByReleases[bucketOf(releases)] += 1;
  const byReason = [...totals.releasesByOrdinal[reason]];
  byReason[bucketOf(releases)] += 1;
  return { ...totals, accountsByReleases, releasesByOrdinal: { ...totals.releasesByOrdinal, [reason]: byReason } };
};

const releaseReasonOf = (event: RecordedEvent): ReleaseReason | undefined => {
  if (event.type === 'booking.expired.v1') return 'expired';
  // A show's cancellation ends holds too, but that is nobody's hoarding.
  if (event.type === 'booking.cancelled.v1' && (event.data as BookingCancelled['data']).reason === 'customer_cancelled') return 'cancelled';
  return undefined;
};

export const holdReleasesProjection: Projection = {
  ...holdReleasesDescriptor,

  async apply(event: RecordedEvent, docs: DocumentBatch): Promise<void> {
    if (event.type === 'booking.placed.v1') {
      const { bookingId, showId, userId } = event.data as BookingPlaced['data'];
      await docs.evolve<HoldReleaseOwnerDoc>(HOLD_RELEASE_OWNERS, bookingId, event, () => ({ _id: bookingId, showId, userId }));
      return;
    }
    // Every other event ends the hold: its owner is not needed again (a redelivered release finds
    // no owner and counts nothing, which its pair's `_position` guard would refuse anyway).
    const { bookingId } = event.data as BookingExpired['data'];
    const booking = await docs.get<HoldReleaseOwnerDoc>(HOLD_RELEASE_OWNERS, bookingId);
    if (!booking) return;
    docs.remove(HOLD_RELEASE_OWNERS, bookingId);
    const reason = releaseReasonOf(event);
    if (!reason) return;
    const { showId, userId } = booking;
    // The pair's document and the totals each move once per event (their `_position` guards a
    // replay); a pair already at this event (written before a crash, the totals not) still counts it.
    const pair = await docs.evolve<HoldReleasesDoc>(HOLD_RELEASES, `${showId}:${userId}`, event, (doc) => ({
      _id: `${showId}:${userId}`,
      showId,
      userId,
      releases: (doc?.releases ?? 0) + 1,
      lastReleasedAt: event.metadata.occurredAt,
    }));
    if (!pair || pair._position !== event.position) return;
    await docs.evolve<HoldReleaseTotalsDoc>(HOLD_RELEASE_TOTALS, HOLD_RELEASE_TOTALS_ID, event, (doc) => countRelease(doc, pair.releases, reason));
  },
};
