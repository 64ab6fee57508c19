"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "confirmationFromLog", {
    enumerable: true,
    get: function() {
        return confirmationFromLog;
    }
});
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _boxofficestreams = require("../box-office-streams");
const confirmationFromLog = async (store, codes, bookingId)=>{
    const streams = new _handlecommand.StreamReads(store);
    const { state, events } = await (0, _boxofficestreams.readBooking)(streams, bookingId);
    if (state.status !== 'confirmed') {
        throw new _domain.DomainError('INVALID_BOOKING_STATE', `a ${state.status} booking cannot be paid`, {
            status: state.status
        });
    }
    const confirmed = events.find((event)=>event.type === 'booking.confirmed.v1');
    const tickets = await (0, _boxofficestreams.readTickets)(streams, state.tickets.map((ticket)=>ticket.ticketId));
    const position = confirmed ? await (0, _boxofficestreams.positionOfAppend)(store, state.tickets.map(({ ticketId })=>(0, _contracts.ticketStream)(ticketId)), confirmed) : events[events.length - 1].position;
    return {
        bookingId,
        status: 'confirmed',
        tickets: state.tickets.map(({ ticketId, seatId })=>{
            const ticket = tickets[ticketId];
            const version = ticket && ticket.status !== 'none' ? ticket.version : 1;
            return {
                ticketId,
                seatId,
                code: codes.sign({
                    ticketId,
                    version
                })
            };
        }),
        position: String(position)
    };
};

//# sourceMappingURL=booking-confirmation.js.map