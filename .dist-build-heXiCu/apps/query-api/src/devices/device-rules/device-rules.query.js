"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "DeviceRulesQuery", {
    enumerable: true,
    get: function() {
        return DeviceRulesQuery;
    }
});
const _cqrs = require("@nestjs/cqrs");
let DeviceRulesQuery = class DeviceRulesQuery extends _cqrs.Query {
};

//# sourceMappingURL=device-rules.query.js.map