/**
 * Stream names of the box office (ARCHITECTURE §3). One stream per seat: streams are cheap, and
 * two buyers of different seats never contend on one revision.
 */ "use strict";
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
    get BOX_OFFICE_STREAM_PREFIXES () {
        return BOX_OFFICE_STREAM_PREFIXES;
    },
    get bookingStream () {
        return bookingStream;
    },
    get seatStream () {
        return seatStream;
    },
    get showStream () {
        return showStream;
    },
    get ticketStream () {
        return ticketStream;
    }
});
const showStream = (showId)=>`show-${showId}`;
const seatStream = (showId, seatId)=>`seat-${showId}-${seatId}`;
const bookingStream = (bookingId)=>`booking-${bookingId}`;
const ticketStream = (ticketId)=>`ticket-${ticketId}`;
const BOX_OFFICE_STREAM_PREFIXES = {
    show: 'show-',
    seat: 'seat-',
    booking: 'booking-',
    ticket: 'ticket-'
};

//# sourceMappingURL=streams.js.map