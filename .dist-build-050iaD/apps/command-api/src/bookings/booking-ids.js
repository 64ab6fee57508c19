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
    get bookingIdFor () {
        return bookingIdFor;
    },
    get refundIdFor () {
        return refundIdFor;
    },
    get ticketIdFor () {
        return ticketIdFor;
    }
});
const _eventsourcing = require("../../../../libs/platform/src/commands/event-sourcing");
const bookingIdFor = (commandId)=>(0, _eventsourcing.deterministicEventId)(commandId, 'booking', 0);
const ticketIdFor = (bookingId, seatId)=>(0, _eventsourcing.deterministicEventId)(`ticket:${bookingId}`, seatId, 0);
const refundIdFor = (bookingId)=>`rf_${(0, _eventsourcing.deterministicEventId)(`refund:${bookingId}`, 'refund', 0)}`;

//# sourceMappingURL=booking-ids.js.map