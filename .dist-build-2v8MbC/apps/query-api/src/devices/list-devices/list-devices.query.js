"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ListDevicesQuery", {
    enumerable: true,
    get: function() {
        return ListDevicesQuery;
    }
});
const _cqrs = require("@nestjs/cqrs");
let ListDevicesQuery = class ListDevicesQuery extends _cqrs.Query {
    constructor(venueId, status){
        super(), this.venueId = venueId, this.status = status;
    }
};

//# sourceMappingURL=list-devices.query.js.map