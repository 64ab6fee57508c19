"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "UserDetailQuery", {
    enumerable: true,
    get: function() {
        return UserDetailQuery;
    }
});
const _cqrs = require("@nestjs/cqrs");
let UserDetailQuery = class UserDetailQuery extends _cqrs.Query {
    constructor(userId){
        super(), this.userId = userId;
    }
};

//# sourceMappingURL=user-detail.query.js.map