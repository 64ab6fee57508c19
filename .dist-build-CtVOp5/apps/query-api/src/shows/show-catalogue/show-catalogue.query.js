"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ShowCatalogueQuery", {
    enumerable: true,
    get: function() {
        return ShowCatalogueQuery;
    }
});
const _cqrs = require("@nestjs/cqrs");
let ShowCatalogueQuery = class ShowCatalogueQuery extends _cqrs.Query {
    constructor(limit, after){
        super(), this.limit = limit, this.after = after;
    }
};

//# sourceMappingURL=show-catalogue.query.js.map