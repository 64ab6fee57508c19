"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get countRelease () {
        return countRelease;
    },
    get emptyTotals () {
        return emptyTotals;
    },
    get holdReleasesProjection () {
        return holdReleasesProjection;
    }
});
const _readmodels = require("../../../../libs/read-models/src");
const zeros = ()=>Array.from({
        length: _readmodels.RELEASE_ORDINALS
    }, ()=>0);
const emptyTotals = ()=>({
        _id: _readmodels.HOLD_RELEASE_TOTALS_ID,
        accountsByReleases: zeros(),
        releasesByOrdinal: {
            expired: zeros(),
            cancelled: zeros()
        }
    });
const bucketOf = (releases)=>Math.min(releases, _readmodels.RELEASE_ORDINALS) - 1;
const countRelease = (doc, releases, reason)=>{
    const totals = doc ?? emptyTotals();
    const accountsByReleases = [
        ...totals.accountsByReleases
    ];
    if (releases > 1) accountsByReleases[bucketOf(releases - 1)] -= 1;
    accountsByReleases[bucketOf(releases)] += 1;
    const byReason = [
        ...totals.releasesByOrdinal[reason]
    ];
    byReason[bucketOf(releases)] += 1;
    return {
        ...totals,
        accountsByReleases,
        releasesByOrdinal: {
            ...totals.releasesByOrdinal,
            [reason]: byReason
        }
    };
};
const releaseReasonOf = (event)=>{
    if (event.type === 'booking.expired.v1') return 'expired';
    // A show's cancellation ends holds too, but that is nobody's hoarding.
    if (event.type === 'booking.cancelled.v1' && event.data.reason === 'customer_cancelled') return 'cancelled';
    return undefined;
};
const holdReleasesProjection = {
    ..._readmodels.holdReleasesDescriptor,
    async apply (event, docs) {
        if (event.type === 'booking.placed.v1') {
            const { bookingId, showId, userId } = event.data;
            await docs.evolve(_readmodels.HOLD_RELEASE_OWNERS, bookingId, event, ()=>({
                    _id: bookingId,
                    showId,
                    userId
                }));
            return;
        }
        const reason = releaseReasonOf(event);
        if (!reason) return;
        const booking = await docs.get(_readmodels.HOLD_RELEASE_OWNERS, event.data.bookingId);
        if (!booking) return;
        const { showId, userId } = booking;
        // The pair's document and the totals each move once per event (their `_position` guards a
        // replay); a pair already at this event (written before a crash, the totals not) still counts it.
        const pair = await docs.evolve(_readmodels.HOLD_RELEASES, `${showId}:${userId}`, event, (doc)=>({
                _id: `${showId}:${userId}`,
                showId,
                userId,
                releases: (doc?.releases ?? 0) + 1,
                lastReleasedAt: event.metadata.occurredAt
            }));
        if (!pair || pair._position !== event.position) return;
        await docs.evolve(_readmodels.HOLD_RELEASE_TOTALS, _readmodels.HOLD_RELEASE_TOTALS_ID, event, (doc)=>countRelease(doc, pair.releases, reason));
    }
};

//# sourceMappingURL=hold-releases.projection.js.map