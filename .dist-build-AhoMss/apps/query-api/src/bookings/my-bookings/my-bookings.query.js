"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "MyBookingsQuery", {
    enumerable: true,
    get: function() {
        return MyBookingsQuery;
    }
});
const _cqrs = require("@nestjs/cqrs");
let MyBookingsQuery = class MyBookingsQuery extends _cqrs.Query {
    constructor(userId){
        super(), this.userId = userId;
    }
};

//# sourceMappingURL=my-bookings.query.js.map