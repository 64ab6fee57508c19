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
    get evolveTicket () {
        return evolveTicket;
    },
    get ticketsProjection () {
        return ticketsProjection;
    }
});
const _readmodels = require("../../../../libs/read-models/src");
const evolveTicket = (doc, event)=>{
    switch(event.type){
        case 'ticket.issued.v1':
            {
                const { ticketId, bookingId, showId, seatId, ownerId, version } = event.data;
                return {
                    _id: ticketId,
                    ticketId,
                    bookingId,
                    showId,
                    seatId,
                    ownerId,
                    version,
                    status: 'valid'
                };
            }
        case 'ticket.transferred.v1':
            return doc && {
                ...doc,
                ownerId: event.data.toOwnerId,
                version: event.data.version
            };
        case 'ticket.checked-in.v1':
            return doc && {
                ...doc,
                status: 'checked_in',
                checkedInAt: event.data.checkedInAt
            };
        case 'ticket.voided.v1':
            return doc && {
                ...doc,
                status: 'void'
            };
        default:
            {
                const _exhaustive = event;
                return doc;
            }
    }
};
const usersNamedBy = (event, ticket)=>{
    switch(event.type){
        case 'ticket.issued.v1':
            return [
                event.data.ownerId
            ];
        case 'ticket.transferred.v1':
            return [
                event.data.fromOwnerId,
                event.data.toOwnerId
            ];
        default:
            return [
                ticket.ownerId
            ];
    }
};
const ticketsProjection = {
    ..._readmodels.ticketsDescriptor,
    async apply (event, docs) {
        const domainEvent = {
            type: event.type,
            data: event.data
        };
        // The document goes in with its `_position`, which DocumentBatch stamps over in what comes out.
        const ticket = await docs.evolve(_readmodels.TICKETS, domainEvent.data.ticketId, event, (doc)=>evolveTicket(doc, domainEvent));
        if (!ticket) return;
        const { ownerId } = ticket;
        // Each user the event names holds the ticket exactly when the ticket document says they own
        // it: replaying a transfer after a crash cannot leave a ticket with two owners.
        for (const userId of new Set(usersNamedBy(domainEvent, ticket))){
            // Field by field: one entry of a list that may hold thousands.
            await docs.patch(_readmodels.USER_TICKETS, userId, event, [
                [
                    'userId',
                    userId
                ],
                [
                    `ticketIds.${ticket.ticketId}`,
                    ownerId === userId ? true : undefined
                ]
            ]);
        }
    }
};

//# sourceMappingURL=tickets.projection.js.map