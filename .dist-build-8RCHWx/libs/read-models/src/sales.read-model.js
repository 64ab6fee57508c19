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
    get SALES_BOOKINGS () {
        return SALES_BOOKINGS;
    },
    get SHOW_SALES () {
        return SHOW_SALES;
    },
    get conversionOf () {
        return conversionOf;
    },
    get salesDescriptor () {
        return salesDescriptor;
    }
});
const _contracts = require("../../contracts/src");
const SHOW_SALES = 'show_sales';
const SALES_BOOKINGS = 'sales_bookings';
const conversionOf = (sales)=>sales.holdsPlaced === 0 ? 0 : Math.round(sales.bookingsConfirmed / sales.holdsPlaced * 10_000) / 10_000;
const salesDescriptor = {
    name: 'sales',
    version: 1,
    collections: [
        SHOW_SALES,
        SALES_BOOKINGS
    ],
    // Requests and payment starts are left out: they change no figure, and would only rewrite the show's document.
    eventTypes: [
        'show.created.v1',
        ..._contracts.BOOKING_EVENT_TYPES.filter((type)=>type !== 'booking.requested.v1' && type !== 'booking.payment-started.v1')
    ]
};

//# sourceMappingURL=sales.read-model.js.map