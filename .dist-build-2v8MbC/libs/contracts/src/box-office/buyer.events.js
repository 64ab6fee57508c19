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
    get BUYER_EVENT_TYPES () {
        return BUYER_EVENT_TYPES;
    },
    get buyerStream () {
        return buyerStream;
    }
});
const BUYER_EVENT_TYPES = [
    'buyer.booking-placed.v1'
];
const buyerStream = (showId, userId)=>`buyer-${showId}-${userId}`;

//# sourceMappingURL=buyer.events.js.map