"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ShowDetailQuery", {
    enumerable: true,
    get: function() {
        return ShowDetailQuery;
    }
});
const _cqrs = require("@nestjs/cqrs");
let ShowDetailQuery = class ShowDetailQuery extends _cqrs.Query {
    constructor(showId, viewer){
        super(), this.showId = showId, this.viewer = viewer;
    }
};

//# sourceMappingURL=show-detail.query.js.map