"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RecentIncidentsQuery", {
    enumerable: true,
    get: function() {
        return RecentIncidentsQuery;
    }
});
const _cqrs = require("@nestjs/cqrs");
let RecentIncidentsQuery = class RecentIncidentsQuery extends _cqrs.Query {
    constructor(limit){
        super(), this.limit = limit;
    }
};

//# sourceMappingURL=recent-incidents.query.js.map