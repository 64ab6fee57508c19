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
    get TICKETS () {
        return TICKETS;
    },
    get USER_TICKETS () {
        return USER_TICKETS;
    },
    get ticketsDescriptor () {
        return ticketsDescriptor;
    }
});
const _contracts = require("../../contracts/src");
const TICKETS = 'tickets';
const USER_TICKETS = 'user_tickets';
const ticketsDescriptor = {
    name: 'tickets',
    version: 2,
    collections: [
        TICKETS,
        USER_TICKETS
    ],
    eventTypes: _contracts.TICKET_EVENT_TYPES
};

//# sourceMappingURL=tickets.read-model.js.map