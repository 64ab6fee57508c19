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
    get bookingViewOf () {
        return bookingViewOf;
    },
    get ticketIdsOf () {
        return ticketIdsOf;
    },
    get ticketsOwnedBy () {
        return ticketsOwnedBy;
    }
});
const _readmodels = require("../../../../libs/read-models/src");
const ticketsOwnedBy = async (reads, userId, ticketIds)=>{
    if (ticketIds.length === 0) return new Map();
    const found = await reads.collection((0, _readmodels.collectionName)(_readmodels.ticketsDescriptor, _readmodels.TICKETS)).find({
        _id: {
            $in: [
                ...ticketIds
            ]
        }
    }, {
        readOnly: true
    });
    const byId = new Map(found.map((ticket)=>[
            ticket._id,
            ticket
        ]));
    const owned = new Map();
    for (const ticketId of ticketIds){
        const ticket = byId.get(ticketId);
        if (ticket && ticket.ownerId === userId) owned.set(ticketId, ticket);
    }
    return owned;
};
const ticketIdsOf = (bookings)=>bookings.flatMap((booking)=>booking.tickets.map((ticket)=>ticket.ticketId));
const bookingViewOf = (booking, owned, codes)=>({
        bookingId: booking.bookingId,
        showId: booking.showId,
        status: booking.status,
        seats: booking.seats,
        expiresAt: booking.expiresAt,
        amount: booking.amount,
        currency: booking.currency,
        tickets: booking.tickets.flatMap(({ ticketId, seatId })=>{
            const ticket = owned.get(ticketId);
            return ticket ? [
                {
                    ticketId,
                    seatId,
                    code: codes.sign({
                        ticketId,
                        version: ticket.version
                    })
                }
            ] : [];
        })
    });

//# sourceMappingURL=booking-view.js.map