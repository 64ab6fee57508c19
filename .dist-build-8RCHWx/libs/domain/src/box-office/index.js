/**
 * The box office's deciders. Each aggregate's module is exported as a namespace
 * (`Seat.decide`, `Booking.evolve`, …) because all four name their functions alike; the decider
 * objects, state and command types and the cross-stream decisions are also exported by name.
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
    get Booking () {
        return _booking;
    },
    get Seat () {
        return _seat;
    },
    get Show () {
        return _show;
    },
    get Ticket () {
        return _ticket;
    },
    get Voucher () {
        return _voucher;
    },
    get WaitingRoom () {
        return _waitingroom;
    },
    get Waitlist () {
        return _waitlist;
    },
    get activeEntryOf () {
        return _waitlist.activeEntryOf;
    },
    get addMinutes () {
        return _time.addMinutes;
    },
    get bookingDecider () {
        return _booking.bookingDecider;
    },
    get claimantAt () {
        return _seat.claimantAt;
    },
    get compareEarly () {
        return _waitingroom.compareEarly;
    },
    get decideCancelBooking () {
        return _cancelbooking.decideCancelBooking;
    },
    get decideConfigureWaitingRoom () {
        return _waitingroom.decideConfigureWaitingRoom;
    },
    get decideCreateVoucher () {
        return _voucher.decideCreateVoucher;
    },
    get decideExpireBooking () {
        return _expirebooking.decideExpireBooking;
    },
    get decideJoinWaitlist () {
        return _waitlist.decideJoinWaitlist;
    },
    get decidePayBooking () {
        return _paybooking.decidePayBooking;
    },
    get decidePlaceBooking () {
        return _placebooking.decidePlaceBooking;
    },
    get discountOf () {
        return _voucher.discountOf;
    },
    get earlyOrderKey () {
        return _waitingroom.earlyOrderKey;
    },
    get hasReached () {
        return _time.hasReached;
    },
    get isCreated () {
        return _show.isCreated;
    },
    get isFreeAt () {
        return _seat.isFreeAt;
    },
    get isIssued () {
        return _ticket.isIssued;
    },
    get isPlaced () {
        return _booking.isPlaced;
    },
    get matchOffers () {
        return _waitlist.matchOffers;
    },
    get nextAdmissionAt () {
        return _waitingroom.nextAdmissionAt;
    },
    get placeOf () {
        return _waitingroom.placeOf;
    },
    get queueOrderOf () {
        return _waitingroom.queueOrderOf;
    },
    get rejectionOf () {
        return _placebooking.rejectionOf;
    },
    get requireAdmission () {
        return _waitingroom.requireAdmission;
    },
    get seatDecider () {
        return _seat.seatDecider;
    },
    get seatIdsOf () {
        return _booking.seatIdsOf;
    },
    get seatOf () {
        return _show.seatOf;
    },
    get showDecider () {
        return _show.showDecider;
    },
    get ticketDecider () {
        return _ticket.ticketDecider;
    },
    get voucherDecider () {
        return _voucher.voucherDecider;
    },
    get waitingRoomDecider () {
        return _waitingroom.waitingRoomDecider;
    },
    get waitlistDecider () {
        return _waitlist.waitlistDecider;
    }
});
const _show = /*#__PURE__*/ _interop_require_wildcard(require("./show"));
const _seat = /*#__PURE__*/ _interop_require_wildcard(require("./seat"));
const _booking = /*#__PURE__*/ _interop_require_wildcard(require("./booking"));
const _ticket = /*#__PURE__*/ _interop_require_wildcard(require("./ticket"));
const _voucher = /*#__PURE__*/ _interop_require_wildcard(require("./voucher"));
const _waitlist = /*#__PURE__*/ _interop_require_wildcard(require("./waitlist"));
const _placebooking = require("./place-booking");
const _paybooking = require("./pay-booking");
const _cancelbooking = require("./cancel-booking");
const _expirebooking = require("./expire-booking");
const _time = require("./time");
const _waitingroom = /*#__PURE__*/ _interop_require_wildcard(require("./waiting-room"));
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

//# sourceMappingURL=index.js.map