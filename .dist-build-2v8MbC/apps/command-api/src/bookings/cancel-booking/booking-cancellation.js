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
    get decideCancellation () {
        return decideCancellation;
    },
    get readCancellation () {
        return readCancellation;
    }
});
const _domain = require("../../../../../libs/domain/src");
const _bookingids = require("../booking-ids");
const _boxofficestreams = require("../box-office-streams");
const readCancellation = async (streams, booking)=>{
    if (!_domain.Booking.isPlaced(booking)) return {
        booking,
        seats: {},
        tickets: {}
    };
    const [seats, tickets, voucher] = await Promise.all([
        (0, _boxofficestreams.readSeats)(streams, booking.showId, _domain.Booking.seatIdsOf(booking)),
        (0, _boxofficestreams.readTickets)(streams, booking.tickets.map((ticket)=>ticket.ticketId)),
        booking.discount ? (0, _boxofficestreams.readVoucher)(streams, booking.showId, booking.discount.code) : undefined
    ]);
    return {
        booking,
        seats,
        tickets,
        voucher: voucher?.state
    };
};
const decideCancellation = (payments, { booking, seats, tickets, voucher }, cancel, answers)=>{
    const { bookingId, reason, context } = cancel;
    const decision = (0, _domain.decideCancelBooking)({
        booking,
        seats,
        tickets,
        voucher,
        command: {
            type: 'CancelBooking',
            data: {
                bookingId,
                reason,
                refundId: (0, _bookingids.refundIdFor)(bookingId)
            },
            metadata: {
                now: context.now.toISOString()
            }
        }
    });
    const [event] = decision.booking;
    if (!event || !_domain.Booking.isPlaced(booking)) return {
        answer: answers.nothing()
    };
    const refund = event.type === 'booking.refunded.v1' ? event.data : undefined;
    return {
        append: (0, _boxofficestreams.streamsOf)(decision, {
            showId: booking.showId,
            bookingId
        }),
        before: refund && (()=>payments.refund({
                refundId: refund.refundId,
                paymentId: refund.paymentId,
                amount: refund.amount,
                currency: refund.currency
            })),
        context,
        answer: ({ position })=>answers.undone(refund ? 'refunded' : 'cancelled', position)
    };
};

//# sourceMappingURL=booking-cancellation.js.map