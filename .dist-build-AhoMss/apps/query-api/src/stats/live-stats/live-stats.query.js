"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LiveStatsQuery", {
    enumerable: true,
    get: function() {
        return LiveStatsQuery;
    }
});
const _cqrs = require("@nestjs/cqrs");
let LiveStatsQuery = class LiveStatsQuery extends _cqrs.Query {
};

//# sourceMappingURL=live-stats.query.js.map