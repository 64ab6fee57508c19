"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "UserSearchHandler", {
    enumerable: true,
    get: function() {
        return UserSearchHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _readstoreport = require("../../../../../libs/platform/src/read-store/read-store.port");
const _userview = require("../user-view");
const _positioncursor = require("../../paging/position-cursor");
const _usersearchparameters = require("./user-search-parameters");
const _usersearchquery = require("./user-search.query");
function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
let UserSearchHandler = class UserSearchHandler {
    constructor(reads){
        this.reads = reads;
    }
    async execute({ filters, limit, before }) {
        const filter = {};
        if (filters.email !== undefined) filter.email = filters.email;
        if (filters.role !== undefined) filter.roles = filters.role;
        if (filters.text !== undefined) {
            const literal = (0, _usersearchparameters.escapeRegExp)(filters.text);
            filter.$or = [
                {
                    email: {
                        $regex: literal
                    }
                },
                {
                    displayNameLower: {
                        $regex: literal
                    }
                }
            ];
        }
        if (before !== undefined) filter.registeredPosition = {
            $lt: before
        };
        const docs = await (0, _userview.usersIn)(this.reads).find(filter, {
            sort: _userview.NEWEST_FIRST,
            limit: limit + 1
        });
        const page = docs.slice(0, limit);
        const last = page.at(-1);
        return {
            items: page.map(_userview.adminUserSummaryOf),
            nextCursor: docs.length > limit && last ? (0, _positioncursor.encodePositionCursor)(last.registeredPosition) : null
        };
    }
};
UserSearchHandler = _ts_decorate([
    (0, _cqrs.QueryHandler)(_usersearchquery.UserSearchQuery),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore
    ])
], UserSearchHandler);

//# sourceMappingURL=user-search.handler.js.map