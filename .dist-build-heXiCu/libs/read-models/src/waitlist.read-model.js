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
    get WAITLIST_ENTRIES () {
        return WAITLIST_ENTRIES;
    },
    get waitlistDescriptor () {
        return waitlistDescriptor;
    }
});
const _contracts = require("../../contracts/src");
const WAITLIST_ENTRIES = 'waitlist_entries';
const waitlistDescriptor = {
    name: 'waitlist',
    version: 1,
    collections: [
        WAITLIST_ENTRIES
    ],
    eventTypes: _contracts.WAITLIST_EVENT_TYPES,
    indexes: {
        [WAITLIST_ENTRIES]: [
            {
                userId: 1
            },
            {
                showId: 1,
                status: 1,
                number: 1
            }
        ]
    }
};

//# sourceMappingURL=waitlist.read-model.js.map