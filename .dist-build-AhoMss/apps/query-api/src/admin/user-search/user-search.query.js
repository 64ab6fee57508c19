"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "UserSearchQuery", {
    enumerable: true,
    get: function() {
        return UserSearchQuery;
    }
});
const _cqrs = require("@nestjs/cqrs");
let UserSearchQuery = class UserSearchQuery extends _cqrs.Query {
    constructor(filters, limit, before){
        super(), this.filters = filters, this.limit = limit, this.before = before;
    }
};

//# sourceMappingURL=user-search.query.js.map