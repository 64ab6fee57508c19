"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "SEAT_EVENT_TYPES", {
    enumerable: true,
    get: function() {
        return SEAT_EVENT_TYPES;
    }
});
const SEAT_EVENT_TYPES = [
    'seat.held.v1',
    'seat.released.v1',
    'seat.sold.v1'
];

//# sourceMappingURL=seat.events.js.map