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
    get activeEntryOf () {
        return activeEntryOf;
    },
    get decide () {
        return decide;
    },
    get decideJoinWaitlist () {
        return decideJoinWaitlist;
    },
    get evolve () {
        return evolve;
    },
    get initialState () {
        return initialState;
    },
    get matchOffers () {
        return matchOffers;
    },
    get waitlistDecider () {
        return waitlistDecider;
    }
});
const _domainerror = require("../domain-error");
const _show = require("./show");
const initialState = {
    entries: {},
    joined: 0,
    offers: {}
};
/** An entry that may still be offered seats, or holds an offer: one per user and show. */ const isActive = (entry)=>entry.status === 'waiting' || entry.status === 'offered';
const activeEntryOf = (state, userId)=>Object.values(state.entries).find((entry)=>entry.userId === userId && isActive(entry));
const notFound = (entryId)=>new _domainerror.DomainError('WAITLIST_ENTRY_NOT_FOUND', `no waiting-list entry ${entryId}`, {
        entryId
    });
const join = ({ data }, state)=>{
    // A retry of the same join, or the user is on the list already: nothing new (the caller answers with that entry).
    if (Object.hasOwn(state.entries, data.entryId) || activeEntryOf(state, data.userId)) return [];
    return [
        {
            type: 'waitlist.joined.v1',
            data: {
                ...data,
                number: state.joined + 1
            }
        }
    ];
};
const offer = ({ data }, state)=>{
    const entry = state.entries[data.entryId];
    if (!entry) throw notFound(data.entryId);
    if (entry.status !== 'waiting') {
        throw new _domainerror.DomainError('CONCURRENCY_CONFLICT', `entry ${data.entryId} is ${entry.status}, not waiting`, {
            entryId: data.entryId,
            status: entry.status
        });
    }
    if (data.seatIds.length !== entry.seats) throw new Error(`an offer of ${data.seatIds.length} seats to an entry that waits for ${entry.seats}`);
    return [
        {
            type: 'waitlist.offered.v1',
            data: {
                ...data,
                userId: entry.userId
            }
        }
    ];
};
const settle = ({ data }, state)=>{
    const entryId = state.offers[data.bookingId];
    const entry = entryId === undefined ? undefined : state.entries[entryId];
    // Not an offer's booking, or its entry was settled already or left meanwhile: nothing to say.
    if (!entry || entry.status !== 'offered' || entry.bookingId !== data.bookingId) return [];
    const ref = {
        showId: data.showId,
        entryId: entry.entryId,
        userId: entry.userId,
        bookingId: data.bookingId
    };
    return data.outcome === 'paid' ? [
        {
            type: 'waitlist.fulfilled.v1',
            data: ref
        }
    ] : [
        {
            type: 'waitlist.offer-expired.v1',
            data: {
                ...ref,
                reason: data.outcome
            }
        }
    ];
};
const leave = ({ data }, state)=>{
    const entry = state.entries[data.entryId];
    // Another user's entry answers exactly like a missing one.
    if (!entry || entry.userId !== data.userId) throw notFound(data.entryId);
    if (!isActive(entry)) return [];
    return [
        {
            type: 'waitlist.left.v1',
            data
        }
    ];
};
const decide = (command, state)=>{
    switch(command.type){
        case 'JoinWaitlist':
            return join(command, state);
        case 'OfferSeats':
            return offer(command, state);
        case 'SettleOffer':
            return settle(command, state);
        case 'LeaveWaitlist':
            return leave(command, state);
        default:
            {
                const _exhaustive = command;
                throw new Error('unknown waitlist command');
            }
    }
};
const withEntry = (state, entryId, change)=>{
    const entry = state.entries[entryId];
    return entry ? {
        ...state,
        entries: {
            ...state.entries,
            [entryId]: {
                ...entry,
                ...change
            }
        }
    } : state;
};
const evolve = (state, event)=>{
    switch(event.type){
        case 'waitlist.joined.v1':
            {
                const { showId: _show, ...entry } = event.data;
                return {
                    ...state,
                    joined: Math.max(state.joined, entry.number),
                    entries: {
                        ...state.entries,
                        [entry.entryId]: {
                            ...entry,
                            status: 'waiting'
                        }
                    }
                };
            }
        case 'waitlist.offered.v1':
            return {
                ...withEntry(state, event.data.entryId, {
                    status: 'offered',
                    bookingId: event.data.bookingId
                }),
                offers: {
                    ...state.offers,
                    [event.data.bookingId]: event.data.entryId
                }
            };
        case 'waitlist.fulfilled.v1':
            return withEntry(state, event.data.entryId, {
                status: 'fulfilled'
            });
        case 'waitlist.offer-expired.v1':
            return withEntry(state, event.data.entryId, {
                status: 'expired'
            });
        case 'waitlist.left.v1':
            return withEntry(state, event.data.entryId, {
                status: 'left'
            });
        default:
            {
                const _exhaustive = event;
                return state;
            }
    }
};
const decideJoinWaitlist = ({ show, waitlist, command })=>{
    const { showId, categoryId, seats } = command.data;
    if (!(0, _show.isCreated)(show) || show.showId !== showId) throw new _domainerror.DomainError('SHOW_NOT_FOUND', `show ${showId} does not exist`, {
        showId
    });
    if (show.status !== 'on_sale') throw new _domainerror.DomainError('SHOW_NOT_ON_SALE', `show ${showId} is ${show.status}`, {
        status: show.status
    });
    if (categoryId !== null && !Object.hasOwn(show.categories, categoryId)) {
        throw new _domainerror.DomainError('VALIDATION_FAILED', `no such category: ${categoryId}`, {
            errors: [
                {
                    field: 'categoryId',
                    message: `not a category of the show: ${categoryId}`
                }
            ]
        });
    }
    if (seats > show.maxSeatsPerBooking) {
        throw new _domainerror.DomainError('TOO_MANY_SEATS', `at most ${show.maxSeatsPerBooking} seats per booking`, {
            maxSeatsPerBooking: show.maxSeatsPerBooking
        });
    }
    return decide(command, waitlist);
};
const matchOffers = (state, returned)=>{
    const pool = [
        ...returned
    ];
    const matches = [];
    const waiting = Object.values(state.entries).filter((entry)=>entry.status === 'waiting').sort((a, b)=>a.number - b.number);
    for (const entry of waiting){
        if (pool.length === 0) break;
        const fitting = pool.filter((seat)=>entry.categoryId === null || seat.categoryId === entry.categoryId).slice(0, entry.seats);
        if (fitting.length < entry.seats) continue;
        const taken = new Set(fitting.map((seat)=>seat.seatId));
        for(let i = pool.length - 1; i >= 0; i -= 1)if (taken.has(pool[i].seatId)) pool.splice(i, 1);
        matches.push({
            entry,
            seatIds: fitting.map((seat)=>seat.seatId)
        });
    }
    return matches;
};
const waitlistDecider = {
    initialState,
    evolve,
    decide
};

//# sourceMappingURL=waitlist.js.map