"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "BookingStatusQuery", {
    enumerable: true,
    get: function() {
        return BookingStatusQuery;
    }
});
const _cqrs = require("@nestjs/cqrs");
let BookingStatusQuery = class BookingStatusQuery extends _cqrs.Query {
    constructor(bookingId, userId){
        super(), this.bookingId = bookingId, this.userId = userId;
    }
};

//# sourceMappingURL=booking-status.query.js.map