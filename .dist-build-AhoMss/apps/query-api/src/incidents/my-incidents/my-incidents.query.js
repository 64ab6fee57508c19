"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "MyIncidentsQuery", {
    enumerable: true,
    get: function() {
        return MyIncidentsQuery;
    }
});
const _cqrs = require("@nestjs/cqrs");
let MyIncidentsQuery = class MyIncidentsQuery extends _cqrs.Query {
    constructor(userId){
        super(), this.userId = userId;
    }
};

//# sourceMappingURL=my-incidents.query.js.map