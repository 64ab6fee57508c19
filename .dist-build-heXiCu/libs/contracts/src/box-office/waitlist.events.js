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
    get WAITLIST_ACTOR () {
        return WAITLIST_ACTOR;
    },
    get WAITLIST_ENTRY_STATUSES () {
        return WAITLIST_ENTRY_STATUSES;
    },
    get WAITLIST_EVENT_TYPES () {
        return WAITLIST_EVENT_TYPES;
    },
    get waitlistStream () {
        return waitlistStream;
    }
});
const WAITLIST_ENTRY_STATUSES = [
    'waiting',
    'offered',
    'expired',
    'fulfilled',
    'left'
];
const WAITLIST_EVENT_TYPES = [
    'waitlist.joined.v1',
    'waitlist.offered.v1',
    'waitlist.fulfilled.v1',
    'waitlist.offer-expired.v1',
    'waitlist.left.v1'
];
const WAITLIST_ACTOR = 'system:waitlist';
const waitlistStream = (showId)=>`waitlist-${showId}`;

//# sourceMappingURL=waitlist.events.js.map