"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "TICKET_EVENT_TYPES", {
    enumerable: true,
    get: function() {
        return TICKET_EVENT_TYPES;
    }
});
const TICKET_EVENT_TYPES = [
    'ticket.issued.v1',
    'ticket.transferred.v1',
    'ticket.checked-in.v1',
    'ticket.voided.v1'
];

//# sourceMappingURL=ticket.events.js.map