"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "BOOKING_EVENT_TYPES", {
    enumerable: true,
    get: function() {
        return BOOKING_EVENT_TYPES;
    }
});
const BOOKING_EVENT_TYPES = [
    'booking.requested.v1',
    'booking.placed.v1',
    'booking.confirmed.v1',
    'booking.expired.v1',
    'booking.cancelled.v1',
    'booking.refunded.v1',
    'booking.rejected.v1',
    'booking.payment-declined.v1',
    'booking.payment-started.v1'
];

//# sourceMappingURL=booking.events.js.map