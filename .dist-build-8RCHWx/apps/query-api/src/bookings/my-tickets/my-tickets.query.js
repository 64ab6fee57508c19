"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "MyTicketsQuery", {
    enumerable: true,
    get: function() {
        return MyTicketsQuery;
    }
});
const _cqrs = require("@nestjs/cqrs");
let MyTicketsQuery = class MyTicketsQuery extends _cqrs.Query {
    constructor(userId){
        super(), this.userId = userId;
    }
};

//# sourceMappingURL=my-tickets.query.js.map