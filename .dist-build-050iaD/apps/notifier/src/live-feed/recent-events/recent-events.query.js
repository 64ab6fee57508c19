"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RecentEventsQuery", {
    enumerable: true,
    get: function() {
        return RecentEventsQuery;
    }
});
const _cqrs = require("@nestjs/cqrs");
let RecentEventsQuery = class RecentEventsQuery extends _cqrs.Query {
    constructor(limit){
        super(), this.limit = limit;
    }
};

//# sourceMappingURL=recent-events.query.js.map