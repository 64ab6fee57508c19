"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "decideExpireBooking", {
    enumerable: true,
    get: function() {
        return decideExpireBooking;
    }
});
const _booking = /*#__PURE__*/ _interop_require_wildcard(require("./booking"));
const _decisions = require("./decisions");
const _seat = /*#__PURE__*/ _interop_require_wildcard(require("./seat"));
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
const decideExpireBooking = ({ booking, seats, voucher = _voucher.initialState, command })=>{
    const bookingEvents = _booking.decide(command, booking);
    if (bookingEvents.length === 0 || !_booking.isPlaced(booking)) return {
        booking: [],
        seats: {}
    };
    const { bookingId, showId } = booking;
    const seatEvents = _booking.seatIdsOf(booking).map((seatId)=>[
            seatId,
            _seat.decide({
                type: 'ExpireHold',
                data: {
                    showId,
                    seatId,
                    bookingId
                },
                metadata: command.metadata
            }, Object.hasOwn(seats, seatId) ? seats[seatId] : _seat.initialState)
        ]);
    return {
        booking: bookingEvents,
        seats: (0, _decisions.byStream)(seatEvents),
        ..._voucher.releaseFor(booking, voucher, 'expired')
    };
};

//# sourceMappingURL=expire-booking.js.map