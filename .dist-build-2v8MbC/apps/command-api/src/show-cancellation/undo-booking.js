"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "undoBookingOfCancelledShow", {
    enumerable: true,
    get: function() {
        return undoBookingOfCancelledShow;
    }
});
const _domain = require("../../../../libs/domain/src");
const _handlecommand = require("../../../../libs/platform/src/commands/handle-command");
const _bookingcancellation = require("../bookings/cancel-booking/booking-cancellation");
const _boxofficestreams = require("../bookings/box-office-streams");
/**
 * Conflicts here come from customers paying or cancelling the same booking at the same moment;
 * each retry re-reads everything, so a few more attempts than a request handler makes are cheap.
 */ const ATTEMPTS = 8;
const undoBookingOfCancelledShow = (deps, bookingId, context)=>(0, _handlecommand.handleCommand)(deps.events, {
        context,
        attempts: ATTEMPTS,
        read: async (streams)=>(0, _bookingcancellation.readCancellation)(streams, (await (0, _boxofficestreams.readBooking)(streams, bookingId)).state),
        decide: (read)=>_domain.Booking.isPlaced(read.booking) ? (0, _bookingcancellation.decideCancellation)(deps.payments, read, {
                bookingId,
                reason: 'show_cancelled',
                context
            }, {
                undone: (undone)=>undone,
                nothing: ()=>'nothing_to_undo'
            }) : {
                answer: 'nothing_to_undo'
            }
    });

//# sourceMappingURL=undo-booking.js.map