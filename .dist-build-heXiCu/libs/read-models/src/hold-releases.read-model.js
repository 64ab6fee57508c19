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
    get HOLD_RELEASES () {
        return HOLD_RELEASES;
    },
    get HOLD_RELEASE_OWNERS () {
        return HOLD_RELEASE_OWNERS;
    },
    get HOLD_RELEASE_TOTALS () {
        return HOLD_RELEASE_TOTALS;
    },
    get HOLD_RELEASE_TOTALS_ID () {
        return HOLD_RELEASE_TOTALS_ID;
    },
    get RELEASE_ORDINALS () {
        return RELEASE_ORDINALS;
    },
    get holdReleasesDescriptor () {
        return holdReleasesDescriptor;
    }
});
const HOLD_RELEASE_OWNERS = 'hold_release_owners';
const HOLD_RELEASES = 'hold_releases';
const HOLD_RELEASE_TOTALS = 'hold_release_totals';
const HOLD_RELEASE_TOTALS_ID = 'all';
const RELEASE_ORDINALS = 10;
const holdReleasesDescriptor = {
    name: 'hold_releases',
    version: 1,
    collections: [
        HOLD_RELEASE_OWNERS,
        HOLD_RELEASES,
        HOLD_RELEASE_TOTALS
    ],
    eventTypes: [
        'booking.placed.v1',
        'booking.expired.v1',
        'booking.cancelled.v1'
    ]
};

//# sourceMappingURL=hold-releases.read-model.js.map