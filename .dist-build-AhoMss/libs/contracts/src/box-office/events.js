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
    get ALL_BOX_OFFICE_EVENT_TYPES () {
        return ALL_BOX_OFFICE_EVENT_TYPES;
    },
    get isBoxOfficeEventType () {
        return isBoxOfficeEventType;
    }
});
const _bookingevents = require("./booking.events");
const _seatevents = require("./seat.events");
const _showevents = require("./show.events");
const _ticketevents = require("./ticket.events");
const ALL_BOX_OFFICE_EVENT_TYPES = [
    ..._showevents.SHOW_EVENT_TYPES,
    ..._seatevents.SEAT_EVENT_TYPES,
    ..._bookingevents.BOOKING_EVENT_TYPES,
    ..._ticketevents.TICKET_EVENT_TYPES
];
const listsAreComplete = true;
void listsAreComplete;
const boxOfficeTypes = new Set(ALL_BOX_OFFICE_EVENT_TYPES);
const isBoxOfficeEventType = (type)=>boxOfficeTypes.has(type);

//# sourceMappingURL=events.js.map