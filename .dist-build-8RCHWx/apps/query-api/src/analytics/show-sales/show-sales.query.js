"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ShowSalesQuery", {
    enumerable: true,
    get: function() {
        return ShowSalesQuery;
    }
});
const _cqrs = require("@nestjs/cqrs");
let ShowSalesQuery = class ShowSalesQuery extends _cqrs.Query {
    constructor(showId){
        super(), this.showId = showId;
    }
};

//# sourceMappingURL=show-sales.query.js.map