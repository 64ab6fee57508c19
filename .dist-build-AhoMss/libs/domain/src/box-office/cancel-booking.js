"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "decideCancelBooking", {
    enumerable: true,
    get: function() {
        return decideCancelBooking;
    }
});
const _domainerror = require("../domain-error");
const _booking = /*#__PURE__*/ _interop_require_wildcard(require("./booking"));
const _decisions = require("./decisions");
const _seat = /*#__PURE__*/ _interop_require_wildcard(require("./seat"));
const _ticket = /*#__PURE__*/ _interop_require_wildcard(require("./ticket"));
const _voucher = /*#__PURE__*/ _interop_require_wildcard(require("./voucher"));
function _getRequireWildcardCache(nodeInterop) {
    if (typeof WeakMap !== "function") return null;
    var cacheBabelInterop = new WeakMap();
    var cacheNodeInterop = new WeakMap();
    return (_getRequireWildcardCache = function(nodeInterop) {
        return nodeInterop ? cacheNodeInterop : cacheBabelInterop;
    })(nodeInterop);
}
function _interop_require_wildcard(obj, nodeInterop) {
    if (!nodeInterop && obj && obj.__esModule) return obj;
    if (obj === null || typeof obj !== "object" && typeof obj !== "function") return {
        default: obj
    };
    var cache = _getRequireWildcardCache(nodeInterop);
    if (cache && cache.has(obj)) return cache.get(obj);
    var newObj = {
        __proto__: null
    };
    var hasPropertyDescriptor = Object.defineProperty && Object.getOwnPropertyDescriptor;
    for(var key in obj){
        if (key !== "default" && Object.prototype.hasOwnProperty.call(obj, key)) {
            var desc = hasPropertyDescriptor ? Object.getOwnPropertyDescriptor(obj, key) : null;
            if (desc && (desc.get || desc.set)) Object.defineProperty(newObj, key, desc);
            else newObj[key] = obj[key];
        }
    }
    newObj.default = obj;
    if (cache) cache.set(obj, newObj);
    return newObj;
}
const decideCancelBooking = ({ booking, seats, tickets, voucher = _voucher.initialState, command })=>{
    const { reason } = command.data;
    if (reason === 'customer_cancelled' && _booking.isPlaced(booking) && booking.tickets.some(({ ticketId })=>tickets[ticketId]?.status === 'checked_in')) {
        throw new _domainerror.DomainError('INVALID_BOOKING_STATE', 'a ticket of this booking was already used at the gate', {
            status: booking.status
        });
    }
    const bookingEvents = _booking.decide(command, booking);
    const [event] = bookingEvents;
    if (!event || !_booking.isPlaced(booking)) return {
        booking: [],
        seats: {},
        tickets: {}
    };
    const { bookingId, showId } = booking;
    const paid = event.type === 'booking.refunded.v1';
    const seatReason = reason === 'show_cancelled' ? 'show_cancelled' : paid ? 'refunded' : 'cancelled';
    const ticketReason = reason === 'show_cancelled' ? 'show_cancelled' : 'booking_refunded';
    const seatEvents = _booking.seatIdsOf(booking).map((seatId)=>[
            seatId,
            _seat.decide({
                type: 'ReleaseSeat',
                data: {
                    showId,
                    seatId,
                    bookingId,
                    reason: seatReason
                }
            }, Object.hasOwn(seats, seatId) ? seats[seatId] : _seat.initialState)
        ]);
    const ticketEvents = (paid ? booking.tickets : []).map(({ ticketId })=>[
            ticketId,
            _ticket.decide({
                type: 'VoidTicket',
                data: {
                    ticketId,
                    reason: ticketReason
                }
            }, Object.hasOwn(tickets, ticketId) ? tickets[ticketId] : _ticket.initialState)
        ]);
    return {
        booking: bookingEvents,
        seats: (0, _decisions.byStream)(seatEvents),
        tickets: (0, _decisions.byStream)(ticketEvents),
        ..._voucher.releaseFor(booking, voucher, 'cancelled')
    };
};

//# sourceMappingURL=cancel-booking.js.map