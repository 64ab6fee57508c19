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
    get PAYMENT_CLAIM_SECONDS () {
        return PAYMENT_CLAIM_SECONDS;
    },
    get bookingDecider () {
        return bookingDecider;
    },
    get decide () {
        return decide;
    },
    get evolve () {
        return evolve;
    },
    get initialState () {
        return initialState;
    },
    get isCardExpired () {
        return isCardExpired;
    },
    get isPlaced () {
        return isPlaced;
    },
    get isSameRequest () {
        return isSameRequest;
    },
    get paymentInProgress () {
        return paymentInProgress;
    },
    get seatIdsOf () {
        return seatIdsOf;
    }
});
const _domainerror = require("../domain-error");
const _time = require("./time");
const initialState = {
    status: 'none'
};
const PAYMENT_CLAIM_SECONDS = 60;
const isPlaced = (booking)=>booking.status !== 'none' && booking.status !== 'requested' && booking.status !== 'rejected';
const paymentInProgress = (booking, now)=>booking.status === 'held' && booking.payment !== undefined && (0, _time.epochMillisOf)(now, 'now') < (0, _time.epochMillisOf)(booking.payment.startedAt, 'startedAt') + booking.payment.claimSeconds * 1000;
const isCardExpired = ({ expMonth, expYear }, now)=>(0, _time.epochMillisOf)(now, 'now') >= Date.UTC(expYear, expMonth, 1);
/** The booking with no payment attempt open: every outcome of an attempt ends its claim. */ const settled = ({ payment: _claim, ...booking })=>booking;
const evolve = (state, event)=>{
    switch(event.type){
        case 'booking.requested.v1':
            return {
                ...event.data,
                status: 'requested'
            };
        case 'booking.placed.v1':
            return {
                ...event.data,
                status: 'held',
                tickets: [],
                declinedPayments: 0
            };
        case 'booking.rejected.v1':
            return {
                ...event.data,
                status: 'rejected'
            };
        case 'booking.payment-started.v1':
            {
                const { attemptId, startedAt, claimSeconds } = event.data;
                return isPlaced(state) ? {
                    ...state,
                    payment: {
                        attemptId,
                        startedAt,
                        claimSeconds
                    }
                } : state;
            }
        case 'booking.confirmed.v1':
            return isPlaced(state) ? {
                ...settled(state),
                status: 'confirmed',
                paymentId: event.data.paymentId,
                tickets: event.data.tickets
            } : state;
        case 'booking.expired.v1':
            return isPlaced(state) ? {
                ...settled(state),
                status: 'expired'
            } : state;
        case 'booking.cancelled.v1':
            return isPlaced(state) ? {
                ...settled(state),
                status: 'cancelled',
                cancelReason: event.data.reason
            } : state;
        case 'booking.refunded.v1':
            return isPlaced(state) ? {
                ...settled(state),
                status: 'refunded',
                paymentId: event.data.paymentId,
                refundId: event.data.refundId,
                refundReason: event.data.reason
            } : state;
        case 'booking.payment-declined.v1':
            return isPlaced(state) ? {
                ...settled(state),
                declinedPayments: state.declinedPayments + 1
            } : state;
        default:
            {
                const _exhaustive = event;
                return state;
            }
    }
};
const decide = (command, state)=>{
    switch(command.type){
        case 'RequestBooking':
            return request(command, state);
        case 'StartPayment':
            return startPayment(command, placed(state, command.data.bookingId));
        case 'ConfirmBooking':
            return confirm(command, placed(state, command.data.bookingId));
        case 'ExpireBooking':
            {
                if (state.status !== 'held' || !(0, _time.hasReached)(command.metadata.now, state.expiresAt)) return [];
                const { bookingId, showId, expiresAt } = state;
                return [
                    {
                        type: 'booking.expired.v1',
                        data: {
                            bookingId,
                            showId,
                            seatIds: seatIdsOf(state),
                            expiresAt
                        }
                    }
                ];
            }
        case 'CancelBooking':
            return cancel(command, placed(state, command.data.bookingId));
        case 'RefundBooking':
            return refundLatePayment(command, placed(state, command.data.bookingId));
        case 'RejectBooking':
            return reject(command, state);
        case 'RecordPaymentDeclined':
            {
                const booking = placed(state, command.data.bookingId);
                // An attempt that raced with the hold's end is of no interest to anyone.
                if (booking.status !== 'held') return [];
                const { bookingId, showId, amount, currency } = booking;
                return [
                    {
                        type: 'booking.payment-declined.v1',
                        data: {
                            bookingId,
                            showId,
                            amount,
                            currency,
                            declineCode: command.data.declineCode
                        }
                    }
                ];
            }
        default:
            {
                const _exhaustive = command;
                throw new Error(`unknown booking command ${JSON.stringify(_exhaustive)}`);
            }
    }
};
const bookingDecider = {
    initialState,
    evolve,
    decide
};
const seatIdsOf = (booking)=>booking.seats.map((seat)=>seat.seatId);
/**
 * A rejected booking exists as a record of the refusal, but there is nothing in it to act on; a
 * requested one has nothing in it yet (no seats held, no price).
 */ const placed = (state, bookingId)=>{
    if (state.status === 'none') {
        throw new _domainerror.DomainError('BOOKING_NOT_FOUND', `booking ${bookingId} does not exist`, {
            bookingId
        });
    }
    if (state.status === 'rejected') {
        throw new _domainerror.DomainError('INVALID_BOOKING_STATE', 'the booking was rejected', {
            status: state.status
        });
    }
    if (state.status === 'requested') {
        // Clients know a requested booking as `pending` (API.md).
        throw new _domainerror.DomainError('INVALID_BOOKING_STATE', 'the booking is still being placed; try again shortly', {
            status: 'pending'
        });
    }
    return state;
};
const sameSeats = (a, b)=>a.length === b.length && a.every((seatId, i)=>seatId === b[i]);
const isSameRequest = (booking, data)=>booking.userId === data.userId && booking.showId === data.showId && sameSeats(booking.seatIds, data.seatIds) && booking.voucherCode === data.voucherCode;
const request = (command, state)=>{
    if (state.status === 'none') return [
        {
            type: 'booking.requested.v1',
            data: command.data
        }
    ];
    // A retry (the same Idempotency-Key gives the same booking id) finds its request, or what it became.
    if (state.userId === command.data.userId) return [];
    // Someone else's booking: nothing about it is told.
    throw new _domainerror.DomainError('INVALID_BOOKING_STATE', `booking ${command.data.bookingId} exists already`);
};
const reject = (command, state)=>{
    if (state.status === 'none') {
        throw new _domainerror.DomainError('BOOKING_NOT_FOUND', `no placement of booking ${command.data.bookingId} was asked for`, {
            bookingId: command.data.bookingId
        });
    }
    // Placed or rejected already: another run of the same placement settled it first.
    if (state.status !== 'requested') return [];
    return [
        {
            type: 'booking.rejected.v1',
            data: command.data
        }
    ];
};
const invalidState = (booking, action)=>new _domainerror.DomainError('INVALID_BOOKING_STATE', `a ${booking.status} booking cannot be ${action}`, {
        status: booking.status
    });
const holdExpired = (booking)=>new _domainerror.DomainError('HOLD_EXPIRED', `the hold ended at ${booking.expiresAt}`, {
        expiresAt: booking.expiresAt,
        seats: seatIdsOf(booking)
    });
const hasHoldEnded = (booking, now)=>booking.status === 'expired' || booking.status === 'held' && (0, _time.hasReached)(now, booking.expiresAt);
const startPayment = (command, booking)=>{
    const { attemptId, card } = command.data;
    const { now } = command.metadata;
    if (hasHoldEnded(booking, now)) throw holdExpired(booking);
    // Confirmed included: paying twice is refused (a replay of the same request is the handler's).
    if (booking.status !== 'held') throw invalidState(booking, 'paid');
    if (isCardExpired(card, now)) throw new _domainerror.DomainError('CARD_EXPIRED', 'the card has expired', {});
    // The same request again, after its process died mid-charge: it carries on under its claim
    // while the claim stands. A lapsed claim keeps cancels out no longer, so it claims again.
    if (booking.payment?.attemptId === attemptId && paymentInProgress(booking, now)) return [];
    if (paymentInProgress(booking, now)) {
        throw new _domainerror.DomainError('INVALID_BOOKING_STATE', 'another payment of this booking is in progress', {
            status: booking.status,
            paymentInProgress: true
        });
    }
    const { bookingId, showId, amount, currency } = booking;
    return [
        {
            type: 'booking.payment-started.v1',
            data: {
                bookingId,
                showId,
                amount,
                currency,
                attemptId,
                startedAt: now,
                claimSeconds: PAYMENT_CLAIM_SECONDS
            }
        }
    ];
};
const confirm = (command, booking)=>{
    const { paymentId, tickets } = command.data;
    // A retry after a crash between append and answer finds its own payment already recorded.
    if (booking.status === 'confirmed' && booking.paymentId === paymentId) return [];
    if (hasHoldEnded(booking, command.metadata.now)) throw holdExpired(booking);
    if (booking.status !== 'held') throw invalidState(booking, 'paid');
    const seats = seatIdsOf(booking);
    const ticketSeats = tickets.map((ticket)=>ticket.seatId);
    const oneTicketPerSeat = ticketSeats.length === seats.length && new Set(ticketSeats).size === seats.length && ticketSeats.every((seatId)=>seats.includes(seatId)) && new Set(tickets.map((ticket)=>ticket.ticketId)).size === tickets.length;
    if (!oneTicketPerSeat) {
        throw new _domainerror.DomainError('VALIDATION_FAILED', 'a confirmation needs one new ticket per booked seat', {
            errors: [
                {
                    field: 'tickets',
                    message: `expected one distinct ticket for each of ${seats.join(', ')}`
                }
            ]
        });
    }
    const { bookingId, showId, amount, currency } = booking;
    return [
        {
            type: 'booking.confirmed.v1',
            data: {
                bookingId,
                showId,
                paymentId,
                amount,
                currency,
                tickets
            }
        }
    ];
};
const CLOSED = [
    'expired',
    'cancelled',
    'refunded'
];
const cancel = (command, booking)=>{
    const { reason, refundId } = command.data;
    const { bookingId, showId, amount, currency } = booking;
    switch(booking.status){
        case 'held':
            // Cancelling now would race the charge: the customer waits for its outcome. A show
            // cancellation does not wait; the attempt's confirmation then fails and refunds its charge.
            if (reason === 'customer_cancelled' && paymentInProgress(booking, command.metadata.now)) {
                throw new _domainerror.DomainError('INVALID_BOOKING_STATE', 'a payment of this booking is in progress; try again shortly', {
                    status: booking.status,
                    paymentInProgress: true
                });
            }
            return [
                {
                    type: 'booking.cancelled.v1',
                    data: {
                        bookingId,
                        showId,
                        seatIds: seatIdsOf(booking),
                        reason
                    }
                }
            ];
        case 'confirmed':
            return [
                {
                    type: 'booking.refunded.v1',
                    data: {
                        bookingId,
                        showId,
                        refundId,
                        paymentId: booking.paymentId,
                        amount,
                        currency,
                        reason,
                        seatIds: seatIdsOf(booking),
                        ticketIds: booking.tickets.map((ticket)=>ticket.ticketId)
                    }
                }
            ];
        default:
            // A show cancellation sweeps all of the show's bookings and may meet one twice or one that
            // had already ended: there is nothing left to undo. A customer deserves the refusal.
            if (reason === 'show_cancelled' && CLOSED.includes(booking.status)) return [];
            throw invalidState(booking, 'cancelled');
    }
};
const refundLatePayment = (command, booking)=>{
    if (booking.status === 'refunded') return [];
    const holdLost = booking.status === 'expired' || booking.status === 'cancelled' || booking.status === 'held' && (0, _time.hasReached)(command.metadata.now, booking.expiresAt);
    if (!holdLost) throw invalidState(booking, 'refunded for a lost hold');
    const { bookingId, showId, amount, currency } = booking;
    const { refundId, paymentId } = command.data;
    return [
        {
            type: 'booking.refunded.v1',
            data: {
                bookingId,
                showId,
                refundId,
                paymentId,
                amount,
                currency,
                reason: 'hold_lost',
                seatIds: [],
                ticketIds: []
            }
        }
    ];
};

//# sourceMappingURL=booking.js.map