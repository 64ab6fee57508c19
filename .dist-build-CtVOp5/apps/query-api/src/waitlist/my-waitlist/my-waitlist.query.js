"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "MyWaitlistQuery", {
    enumerable: true,
    get: function() {
        return MyWaitlistQuery;
    }
});
const _cqrs = require("@nestjs/cqrs");
let MyWaitlistQuery = class MyWaitlistQuery extends _cqrs.Query {
    constructor(userId){
        super(), this.userId = userId;
    }
};

//# sourceMappingURL=my-waitlist.query.js.map