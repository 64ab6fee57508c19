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
    get decidePlaceBooking () {
        return decidePlaceBooking;
    },
    get holdingsOf () {
        return holdingsOf;
    },
    get rejectionOf () {
        return rejectionOf;
    }
});
const _domainerror = require("../domain-error");
const _booking = require("./booking");
const _decisions = require("./decisions");
const _seat = /*#__PURE__*/ _interop_require_wildcard(require("./seat"));
const _voucher = /*#__PURE__*/ _interop_require_wildcard(require("./voucher"));
const _show = require("./show");
const _time = require("./time");
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
const holdingsOf = (earlier, now)=>{
    let held = 0;
    let bought = 0;
    for (const booking of earlier){
        if (!(0, _booking.isPlaced)(booking)) continue;
        if (booking.status === 'held' && !(0, _time.hasReached)(now, booking.expiresAt)) held += booking.seats.length;
        if (booking.status === 'confirmed') bought += booking.seats.length;
    }
    return {
        held,
        bought
    };
};
const decidePlaceBooking = ({ booking = _booking.initialState, show, seats, voucher = _voucher.initialState, earlierBookings = [], command })=>{
    const { bookingId, userId, showId, seatIds } = command.data;
    const now = command.metadata.now;
    if (booking.status === 'requested' ? !(0, _booking.isSameRequest)(booking, command.data) : booking.status !== 'none') {
        throw new _domainerror.DomainError('INVALID_BOOKING_STATE', `booking ${bookingId} is ${booking.status}, not waiting to be placed`, {
            status: booking.status
        });
    }
    if (show.status === 'none' || show.showId !== showId) {
        throw new _domainerror.DomainError('SHOW_NOT_FOUND', `show ${showId} does not exist`, {
            showId
        });
    }
    if (show.status !== 'on_sale') {
        throw new _domainerror.DomainError('SHOW_NOT_ON_SALE', `the show is ${show.status}, not on sale`, {
            status: show.status
        });
    }
    if (seatIds.length === 0 || new Set(seatIds).size !== seatIds.length) {
        throw new _domainerror.DomainError('VALIDATION_FAILED', 'a booking names one or more distinct seats', {
            errors: [
                {
                    field: 'seats',
                    message: 'must be one or more distinct seat ids'
                }
            ]
        });
    }
    if (seatIds.length > show.maxSeatsPerBooking) {
        throw new _domainerror.DomainError('TOO_MANY_SEATS', `at most ${show.maxSeatsPerBooking} seats per booking`, {
            max: show.maxSeatsPerBooking,
            requested: seatIds.length
        });
    }
    const limited = show.maxSeatsHeldPerUser !== undefined || show.maxTicketsPerUser !== undefined;
    if (limited) {
        const { held, bought } = holdingsOf(earlierBookings, now);
        if (show.maxSeatsHeldPerUser !== undefined && held + seatIds.length > show.maxSeatsHeldPerUser) {
            throw new _domainerror.DomainError('HOLD_LIMIT_REACHED', `an account holds at most ${show.maxSeatsHeldPerUser} unpaid seats of this show; ${held} held now`, {
                max: show.maxSeatsHeldPerUser,
                held
            });
        }
        if (show.maxTicketsPerUser !== undefined && bought + held + seatIds.length > show.maxTicketsPerUser) {
            throw new _domainerror.DomainError('TICKET_LIMIT_REACHED', `an account buys at most ${show.maxTicketsPerUser} seats of this show; ${bought} bought and ${held} held`, {
                max: show.maxTicketsPerUser,
                bought,
                held
            });
        }
    }
    const found = seatIds.map((seatId)=>(0, _show.seatOf)(show, seatId));
    const unknown = seatIds.filter((_, i)=>found[i] === undefined);
    if (unknown.length > 0) {
        throw new _domainerror.DomainError('SEAT_NOT_FOUND', `no such seat: ${unknown.join(', ')}`, {
            seats: unknown
        });
    }
    const showSeats = found;
    const expiresAt = (0, _time.addMinutes)(now, show.holdMinutes);
    const unavailable = [];
    const seatEvents = seatIds.map((seatId)=>{
        const state = Object.hasOwn(seats, seatId) ? seats[seatId] : _seat.initialState;
        try {
            return [
                seatId,
                _seat.decide({
                    type: 'HoldSeat',
                    data: {
                        showId,
                        seatId,
                        bookingId,
                        expiresAt
                    },
                    metadata: {
                        now
                    }
                }, state)
            ];
        } catch (error) {
            if (error instanceof _domainerror.DomainError && error.code === 'SEATS_UNAVAILABLE') {
                unavailable.push(seatId);
                return [
                    seatId,
                    []
                ];
            }
            throw error;
        }
    });
    if (unavailable.length > 0) {
        throw new _domainerror.DomainError('SEATS_UNAVAILABLE', `not available: ${unavailable.join(', ')}`, {
            seats: unavailable
        });
    }
    if (seatEvents.some(([, events])=>events.length === 0)) {
        // Only a re-hold by this same booking decides nothing, and a new booking id has no holds:
        // reaching here means the id was reused, which the append would refuse anyway.
        throw new _domainerror.DomainError('INVALID_BOOKING_STATE', `booking ${bookingId} already holds some of these seats`, {
            bookingId
        });
    }
    const bookedSeats = showSeats.map(({ seatId, categoryId, price })=>({
            seatId,
            categoryId,
            price
        }));
    const total = bookedSeats.reduce((sum, seat)=>sum + seat.price, 0);
    const { voucherCode } = command.data;
    // The use is taken in the same append as the holds: a refused voucher refuses the booking.
    const voucherEvents = voucherCode === undefined ? [] : _voucher.decide({
        type: 'RedeemVoucher',
        data: {
            showId,
            code: voucherCode,
            bookingId,
            userId,
            seats: bookedSeats
        },
        metadata: {
            now
        }
    }, voucher);
    const redeemed = voucherEvents.find((event)=>event.type === 'voucher.redeemed.v1');
    const discount = redeemed ? {
        code: redeemed.data.code,
        amount: redeemed.data.discount
    } : undefined;
    return {
        booking: [
            {
                type: 'booking.placed.v1',
                data: {
                    bookingId,
                    userId,
                    showId,
                    seats: bookedSeats,
                    amount: total - (discount?.amount ?? 0),
                    currency: show.currency,
                    expiresAt,
                    ...discount ? {
                        discount
                    } : {}
                }
            }
        ],
        seats: (0, _decisions.byStream)(seatEvents),
        ...voucherCode === undefined ? {} : {
            voucher: {
                code: voucherCode,
                events: voucherEvents
            }
        },
        ...limited ? {
            buyer: [
                {
                    type: 'buyer.booking-placed.v1',
                    data: {
                        showId,
                        userId,
                        bookingId,
                        seats: seatIds.length
                    }
                }
            ]
        } : {}
    };
};
const rejectionOf = (command, refusal)=>{
    const seats = refusal.details['seats'];
    return {
        type: 'RejectBooking',
        data: {
            ...command.data,
            code: refusal.code,
            unavailableSeats: Array.isArray(seats) ? seats.filter((seat)=>typeof seat === 'string') : []
        }
    };
};

//# sourceMappingURL=place-booking.js.map