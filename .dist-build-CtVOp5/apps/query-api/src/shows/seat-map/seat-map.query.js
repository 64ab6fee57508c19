"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "SeatMapQuery", {
    enumerable: true,
    get: function() {
        return SeatMapQuery;
    }
});
const _cqrs = require("@nestjs/cqrs");
let SeatMapQuery = class SeatMapQuery extends _cqrs.Query {
    constructor(showId, section, viewer){
        super(), this.showId = showId, this.section = section, this.viewer = viewer;
    }
};

//# sourceMappingURL=seat-map.query.js.map