"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ListOutboxQuery", {
    enumerable: true,
    get: function() {
        return ListOutboxQuery;
    }
});
const _cqrs = require("@nestjs/cqrs");
let ListOutboxQuery = class ListOutboxQuery extends _cqrs.Query {
    constructor(limit, to){
        super(), this.limit = limit, this.to = to;
    }
};

//# sourceMappingURL=list-outbox.query.js.map