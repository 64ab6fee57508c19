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
    get aggregateOf () {
        return aggregateOf;
    },
    get redacted () {
        return redacted;
    }
});
const _domain = require("../../../../../libs/domain/src");
const aggregate = (name, initialState, evolve)=>({
        name,
        initialState,
        evolve: evolve
    });
// Longest prefixes first: `refresh-family-` before anything shorter that could match.
const AGGREGATES = [
    [
        'refresh-family-',
        aggregate('RefreshFamily', _domain.initialRefreshFamily, _domain.evolveRefreshFamily)
    ],
    [
        'booking-',
        aggregate('Booking', _domain.Booking.initialState, _domain.Booking.evolve)
    ],
    [
        'account-',
        aggregate('Account', _domain.initialAccount, _domain.evolveAccount)
    ],
    [
        'ticket-',
        aggregate('Ticket', _domain.Ticket.initialState, _domain.Ticket.evolve)
    ],
    [
        'email-',
        aggregate('EmailReservation', _domain.initialEmailReservation, _domain.evolveEmailReservation)
    ],
    [
        'show-',
        aggregate('Show', _domain.Show.initialState, _domain.Show.evolve)
    ],
    [
        'seat-',
        aggregate('Seat', _domain.Seat.initialState, _domain.Seat.evolve)
    ]
];
const aggregateOf = (stream)=>AGGREGATES.find(([prefix])=>stream.startsWith(prefix))?.[1];
/** Secrets never leave through the audit, even to admins: hashes of passwords and tokens. */ const SECRET_FIELDS = new Set([
    'passwordHash',
    'tokenHash',
    'fromHash',
    'toHash'
]);
const redacted = (value)=>{
    if (Array.isArray(value)) return value.map(redacted);
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, inner])=>[
                key,
                SECRET_FIELDS.has(key) ? '[redacted]' : redacted(inner)
            ]));
    }
    return value;
};

//# sourceMappingURL=stream-state.js.map