"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "GetMeQuery", {
    enumerable: true,
    get: function() {
        return GetMeQuery;
    }
});
const _cqrs = require("@nestjs/cqrs");
let GetMeQuery = class GetMeQuery extends _cqrs.Query {
    constructor(userId){
        super(), this.userId = userId;
    }
};

//# sourceMappingURL=me.query.js.map