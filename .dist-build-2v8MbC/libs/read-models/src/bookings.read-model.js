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
    get BOOKINGS () {
        return BOOKINGS;
    },
    get USER_BOOKINGS () {
        return USER_BOOKINGS;
    },
    get bookingsDescriptor () {
        return bookingsDescriptor;
    }
});
const _contracts = require("../../contracts/src");
const BOOKINGS = 'bookings';
const USER_BOOKINGS = 'user_bookings';
const bookingsDescriptor = {
    name: 'bookings',
    version: 2,
    collections: [
        BOOKINGS,
        USER_BOOKINGS
    ],
    // A payment attempt's claim changes nothing a reader sees: the booking stays held until it ends.
    eventTypes: _contracts.BOOKING_EVENT_TYPES.filter((type)=>type !== 'booking.payment-started.v1')
};

//# sourceMappingURL=bookings.read-model.js.map