"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "decidePayBooking", {
    enumerable: true,
    get: function() {
        return decidePayBooking;
    }
});
const _domainerror = require("../domain-error");
const _booking = /*#__PURE__*/ _interop_require_wildcard(require("./booking"));
const _decisions = require("./decisions");
const _seat = /*#__PURE__*/ _interop_require_wildcard(require("./seat"));
const _ticket = /*#__PURE__*/ _interop_require_wildcard(require("./ticket"));
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
const decidePayBooking = ({ booking, seats, command })=>{
    const bookingEvents = _booking.decide(command, booking);
    // Decided nothing: a retry of a confirmation that already happened.
    if (bookingEvents.length === 0 || !_booking.isPlaced(booking)) return {
        booking: [],
        seats: {},
        tickets: {}
    };
    const { bookingId, showId, userId } = booking;
    const now = command.metadata.now;
    const lost = [];
    const seatEvents = command.data.tickets.map(({ seatId, ticketId })=>{
        const state = Object.hasOwn(seats, seatId) ? seats[seatId] : _seat.initialState;
        try {
            return [
                seatId,
                _seat.decide({
                    type: 'SellSeat',
                    data: {
                        showId,
                        seatId,
                        bookingId,
                        ticketId
                    },
                    metadata: {
                        now
                    }
                }, state)
            ];
        } catch (error) {
            if (!(error instanceof _domainerror.DomainError)) throw error;
            lost.push(seatId);
            return [
                seatId,
                []
            ];
        }
    });
    if (lost.length > 0) {
        throw new _domainerror.DomainError('HOLD_EXPIRED', `the hold on ${lost.join(', ')} was lost`, {
            seats: lost
        });
    }
    const ticketEvents = command.data.tickets.map(({ seatId, ticketId })=>[
            ticketId,
            _ticket.decide({
                type: 'IssueTicket',
                data: {
                    ticketId,
                    bookingId,
                    showId,
                    seatId,
                    ownerId: userId
                }
            }, _ticket.initialState)
        ]);
    return {
        booking: bookingEvents,
        seats: (0, _decisions.byStream)(seatEvents),
        tickets: (0, _decisions.byStream)(ticketEvents)
    };
};

//# sourceMappingURL=pay-booking.js.map