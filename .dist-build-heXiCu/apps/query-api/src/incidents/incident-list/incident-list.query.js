"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "IncidentListQuery", {
    enumerable: true,
    get: function() {
        return IncidentListQuery;
    }
});
const _cqrs = require("@nestjs/cqrs");
let IncidentListQuery = class IncidentListQuery extends _cqrs.Query {
    constructor(filters, limit, before){
        super(), this.filters = filters, this.limit = limit, this.before = before;
    }
};

//# sourceMappingURL=incident-list.query.js.map