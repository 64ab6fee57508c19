"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "IncidentDetailQuery", {
    enumerable: true,
    get: function() {
        return IncidentDetailQuery;
    }
});
const _cqrs = require("@nestjs/cqrs");
let IncidentDetailQuery = class IncidentDetailQuery extends _cqrs.Query {
    constructor(incidentId, userId, roles){
        super(), this.incidentId = incidentId, this.userId = userId, this.roles = roles;
    }
};

//# sourceMappingURL=incident-detail.query.js.map