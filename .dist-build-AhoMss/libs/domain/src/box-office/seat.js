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
    get claimantAt () {
        return claimantAt;
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
    get isFreeAt () {
        return isFreeAt;
    },
    get seatDecider () {
        return seatDecider;
    }
});
const _domainerror = require("../domain-error");
const _time = require("./time");
const initialState = {
    status: 'available'
};
const isFreeAt = (seat, now)=>seat.status === 'available' || seat.status === 'held' && (0, _time.hasReached)(now, seat.expiresAt);
const claimantAt = (seat, now)=>isFreeAt(seat, now) ? undefined : seat.bookingId;
const evolve = (_state, event)=>{
    switch(event.type){
        case 'seat.held.v1':
            return {
                status: 'held',
                bookingId: event.data.bookingId,
                expiresAt: event.data.expiresAt
            };
        case 'seat.released.v1':
            return {
                status: 'available'
            };
        case 'seat.sold.v1':
            return {
                status: 'sold',
                bookingId: event.data.bookingId,
                ticketId: event.data.ticketId
            };
        default:
            {
                const _exhaustive = event;
                return _state;
            }
    }
};
/** Reasons that may end a sale: only giving the money back frees a sold seat. */ const ENDS_A_SALE = [
    'refunded',
    'show_cancelled'
];
const decide = (command, state)=>{
    switch(command.type){
        case 'HoldSeat':
            {
                const { showId, seatId, bookingId, expiresAt } = command.data;
                const now = command.metadata.now;
                if (isFreeAt(state, now)) {
                    return [
                        {
                            type: 'seat.held.v1',
                            data: {
                                showId,
                                seatId,
                                bookingId,
                                expiresAt
                            }
                        }
                    ];
                }
                // A retried hold of the same booking must not fail the booking it already belongs to.
                if (state.status === 'held' && state.bookingId === bookingId) return [];
                throw new _domainerror.DomainError('SEATS_UNAVAILABLE', `seat ${seatId} is not available`, {
                    seats: [
                        seatId
                    ]
                });
            }
        case 'ReleaseSeat':
            {
                const { showId, seatId, bookingId, reason } = command.data;
                if (state.status === 'available' || state.bookingId !== bookingId) return [];
                if (state.status === 'sold' && !ENDS_A_SALE.includes(reason)) return [];
                return [
                    {
                        type: 'seat.released.v1',
                        data: {
                            showId,
                            seatId,
                            bookingId,
                            reason
                        }
                    }
                ];
            }
        case 'ExpireHold':
            {
                const { showId, seatId, bookingId } = command.data;
                if (state.status !== 'held' || state.bookingId !== bookingId) return [];
                if (!(0, _time.hasReached)(command.metadata.now, state.expiresAt)) return [];
                return [
                    {
                        type: 'seat.released.v1',
                        data: {
                            showId,
                            seatId,
                            bookingId,
                            reason: 'expired'
                        }
                    }
                ];
            }
        case 'SellSeat':
            {
                const { showId, seatId, bookingId, ticketId } = command.data;
                if (state.status === 'sold') {
                    if (state.bookingId === bookingId && state.ticketId === ticketId) return [];
                    throw new _domainerror.DomainError('SEATS_UNAVAILABLE', `seat ${seatId} is already sold`, {
                        seats: [
                            seatId
                        ]
                    });
                }
                if (state.status !== 'held' || state.bookingId !== bookingId || (0, _time.hasReached)(command.metadata.now, state.expiresAt)) {
                    throw new _domainerror.DomainError('HOLD_EXPIRED', `the hold on seat ${seatId} has ended`, {
                        seats: [
                            seatId
                        ]
                    });
                }
                return [
                    {
                        type: 'seat.sold.v1',
                        data: {
                            showId,
                            seatId,
                            bookingId,
                            ticketId
                        }
                    }
                ];
            }
        default:
            {
                const _exhaustive = command;
                throw new Error(`unknown seat command ${JSON.stringify(_exhaustive)}`);
            }
    }
};
const seatDecider = {
    initialState,
    evolve,
    decide
};

//# sourceMappingURL=seat.js.map