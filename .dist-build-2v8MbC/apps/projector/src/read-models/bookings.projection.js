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
    get bookingsProjection () {
        return bookingsProjection;
    },
    get evolveBooking () {
        return evolveBooking;
    }
});
const _readmodels = require("../../../../libs/read-models/src");
/** How the bookings read models (libs/read-models) evolve from booking events. */ const occurredAt = (event)=>event.metadata?.occurredAt ?? event.recordedAt;
const evolveBooking = (doc, event, at)=>{
    switch(event.type){
        case 'booking.requested.v1':
            {
                // Pending until settled: nothing is held or priced yet. The settlement replaces it whole.
                const { bookingId, userId, showId, seatIds } = event.data;
                return doc ?? {
                    _id: bookingId,
                    bookingId,
                    userId,
                    showId,
                    status: 'pending',
                    seats: seatIds,
                    expiresAt: null,
                    amount: 0,
                    currency: '',
                    tickets: [],
                    placedAt: at
                };
            }
        case 'booking.placed.v1':
            {
                const { bookingId, userId, showId, seats, amount, currency, expiresAt } = event.data;
                return {
                    _id: bookingId,
                    bookingId,
                    userId,
                    showId,
                    status: 'held',
                    seats: seats.map((seat)=>seat.seatId),
                    expiresAt,
                    amount,
                    currency,
                    tickets: [],
                    placedAt: at
                };
            }
        case 'booking.rejected.v1':
            {
                const { bookingId, userId, showId, seatIds, code, unavailableSeats } = event.data;
                return doc && doc.status !== 'pending' ? doc : {
                    _id: bookingId,
                    bookingId,
                    userId,
                    showId,
                    status: 'rejected',
                    seats: seatIds,
                    expiresAt: null,
                    amount: 0,
                    currency: '',
                    tickets: [],
                    placedAt: at,
                    rejection: {
                        code,
                        unavailableSeats
                    }
                };
            }
        case 'booking.confirmed.v1':
            return doc && {
                ...doc,
                status: 'confirmed',
                tickets: event.data.tickets
            };
        case 'booking.expired.v1':
            return doc && {
                ...doc,
                status: 'expired'
            };
        case 'booking.cancelled.v1':
            return doc && {
                ...doc,
                status: 'cancelled'
            };
        case 'booking.refunded.v1':
            return doc && {
                ...doc,
                status: 'refunded'
            };
        case 'booking.payment-declined.v1':
        case 'booking.payment-started.v1':
            return doc;
        default:
            {
                const _exhaustive = event;
                return doc;
            }
    }
};
const bookingsProjection = {
    ..._readmodels.bookingsDescriptor,
    async apply (event, docs) {
        const domainEvent = {
            type: event.type,
            data: event.data
        };
        // The document goes in with its `_position`, which DocumentBatch stamps over in what comes out.
        const booking = await docs.evolve(_readmodels.BOOKINGS, domainEvent.data.bookingId, event, (doc)=>evolveBooking(doc, domainEvent, occurredAt(event)));
        if (!booking) return;
        // The user's list holds the booking's id; readers take the booking itself from BOOKINGS.
        // Field by field: one entry of a list that may hold thousands.
        await docs.patch(_readmodels.USER_BOOKINGS, booking.userId, event, [
            [
                'userId',
                booking.userId
            ],
            [
                `bookingIds.${booking.bookingId}`,
                true
            ]
        ]);
    }
};

//# sourceMappingURL=bookings.projection.js.map