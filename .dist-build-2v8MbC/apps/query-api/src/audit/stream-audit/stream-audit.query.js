"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "StreamAuditQuery", {
    enumerable: true,
    get: function() {
        return StreamAuditQuery;
    }
});
const _cqrs = require("@nestjs/cqrs");
let StreamAuditQuery = class StreamAuditQuery extends _cqrs.Query {
    constructor(stream, at){
        super(), this.stream = stream, this.at = at;
    }
};

//# sourceMappingURL=stream-audit.query.js.map