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
    get TICKET_HOLDERS () {
        return TICKET_HOLDERS;
    },
    get USERS () {
        return USERS;
    },
    get USER_COUNTER_EVENT_TYPES () {
        return USER_COUNTER_EVENT_TYPES;
    },
    get usersDescriptor () {
        return usersDescriptor;
    }
});
const USERS = 'users';
const TICKET_HOLDERS = 'ticket_holders';
const USER_COUNTER_EVENT_TYPES = [
    'booking.placed.v1',
    'ticket.issued.v1',
    'ticket.transferred.v1',
    'ticket.voided.v1'
];
const usersDescriptor = {
    name: 'users',
    version: 1,
    collections: [
        USERS,
        TICKET_HOLDERS
    ],
    eventTypes: [
        'account.registered.v1',
        'account.roles-changed.v1',
        ...USER_COUNTER_EVENT_TYPES
    ],
    // Newest first alone (the unfiltered list and the text search, which filters a newest-first
    // walk) and per role (multikey); the e-mail filter is an exact match.
    indexes: {
        [USERS]: [
            {
                registeredPosition: -1
            },
            {
                roles: 1,
                registeredPosition: -1
            },
            {
                email: 1
            }
        ]
    }
};

//# sourceMappingURL=users.read-model.js.map