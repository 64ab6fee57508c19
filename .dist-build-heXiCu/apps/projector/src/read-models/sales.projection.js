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
    get discountRefunded () {
        return discountRefunded;
    },
    get emptySales () {
        return emptySales;
    },
    get evolveSales () {
        return evolveSales;
    },
    get hourOf () {
        return hourOf;
    },
    get salesProjection () {
        return salesProjection;
    },
    get withSale () {
        return withSale;
    }
});
const _readmodels = require("../../../../libs/read-models/src");
const hourOf = (iso)=>`${iso.slice(0, 13)}:00:00.000Z`;
const emptySales = (showId, currency, categoryIds)=>({
        _id: showId,
        showId,
        currency,
        byCategory: Object.fromEntries(categoryIds.map((id)=>[
                id,
                {
                    sold: 0,
                    revenue: 0
                }
            ])),
        byHour: {},
        holdsPlaced: 0,
        holdsExpired: 0,
        holdsCancelled: 0,
        bookingsConfirmed: 0,
        bookingsRefunded: 0,
        refundedAmount: 0,
        paymentsDeclined: 0,
        discounts: 0
    });
const add = (counters, key, sold, revenue)=>{
    const current = counters[key] ?? {
        sold: 0,
        revenue: 0
    };
    return {
        ...counters,
        [key]: {
            sold: current.sold + sold,
            revenue: current.revenue + revenue
        }
    };
};
const withSale = (sales, seats, hour, sign)=>{
    let byCategory = sales.byCategory;
    for (const seat of seats)byCategory = add(byCategory, seat.categoryId, sign, sign * seat.price);
    const amount = seats.reduce((sum, seat)=>sum + seat.price, 0);
    return {
        ...sales,
        byCategory,
        byHour: add(sales.byHour, hour, sign * seats.length, sign * amount)
    };
};
const discountRefunded = (booking, refunded)=>{
    const discount = booking.discount ?? 0;
    if (discount === 0 || refunded.length === booking.seats.length) return discount;
    const total = booking.seats.reduce((sum, seat)=>sum + seat.price, 0);
    return total === 0 ? 0 : Math.round(discount * refunded.reduce((sum, seat)=>sum + seat.price, 0) / total);
};
const evolveSales = (sales, event, booking)=>{
    switch(event.type){
        case 'booking.placed.v1':
            return {
                ...sales,
                holdsPlaced: sales.holdsPlaced + 1
            };
        case 'booking.confirmed.v1':
            {
                const confirmed = {
                    ...sales,
                    bookingsConfirmed: sales.bookingsConfirmed + 1
                };
                if (!booking?.confirmedHour) return confirmed;
                return {
                    ...withSale(confirmed, booking.seats, booking.confirmedHour, 1),
                    discounts: (sales.discounts ?? 0) + (booking.discount ?? 0)
                };
            }
        case 'booking.expired.v1':
            return {
                ...sales,
                holdsExpired: sales.holdsExpired + 1
            };
        case 'booking.cancelled.v1':
            return {
                ...sales,
                holdsCancelled: sales.holdsCancelled + 1
            };
        case 'booking.refunded.v1':
            {
                const refunded = {
                    ...sales,
                    bookingsRefunded: sales.bookingsRefunded + 1,
                    refundedAmount: sales.refundedAmount + event.data.amount
                };
                // A `hold_lost` refund gives back money that never became a sale: no seats to take back.
                const seats = (booking?.seats ?? []).filter((seat)=>event.data.seatIds.includes(seat.seatId));
                if (!booking?.confirmedHour || seats.length === 0) return refunded;
                return {
                    ...withSale(refunded, seats, booking.confirmedHour, -1),
                    discounts: (sales.discounts ?? 0) - discountRefunded(booking, seats)
                };
            }
        case 'booking.payment-declined.v1':
            return {
                ...sales,
                paymentsDeclined: sales.paymentsDeclined + 1
            };
        // A request holds nothing: it counts once it is placed (a hold), and a rejection never does.
        // A payment attempt counts by its outcome (confirmed or declined), not by its start.
        case 'booking.requested.v1':
        case 'booking.rejected.v1':
        case 'booking.payment-started.v1':
            return sales;
        default:
            {
                const _exhaustive = event;
                return sales;
            }
    }
};
const occurredAt = (event)=>event.metadata?.occurredAt ?? event.recordedAt;
const salesProjection = {
    ..._readmodels.salesDescriptor,
    async apply (event, docs) {
        if (event.type === 'show.created.v1') {
            const created = event.data;
            await docs.evolve(_readmodels.SHOW_SALES, created.showId, event, (doc)=>doc ?? emptySales(created.showId, created.currency, created.categories.map((category)=>category.id)));
            return;
        }
        const domainEvent = {
            type: event.type,
            data: event.data
        };
        const { bookingId, showId } = domainEvent.data;
        let booking;
        if (domainEvent.type === 'booking.placed.v1') {
            const { seats, discount } = domainEvent.data;
            booking = await docs.evolve(_readmodels.SALES_BOOKINGS, bookingId, event, (doc)=>doc ?? {
                    _id: bookingId,
                    showId,
                    seats,
                    ...discount ? {
                        discount: discount.amount
                    } : {}
                });
        } else if (domainEvent.type === 'booking.confirmed.v1') {
            const hour = hourOf(occurredAt(event));
            booking = await docs.evolve(_readmodels.SALES_BOOKINGS, bookingId, event, (doc)=>doc ? {
                    ...doc,
                    confirmedHour: doc.confirmedHour ?? hour
                } : null);
        } else {
            booking = await docs.get(_readmodels.SALES_BOOKINGS, bookingId);
        }
        await docs.evolve(_readmodels.SHOW_SALES, showId, event, (doc)=>evolveSales(doc ?? emptySales(showId, domainEvent.type === 'booking.placed.v1' ? domainEvent.data.currency : '', []), domainEvent, booking));
    }
};

//# sourceMappingURL=sales.projection.js.map