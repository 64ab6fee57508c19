"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "UserSearchHttpController", {
    enumerable: true,
    get: function() {
        return UserSearchHttpController;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _contracts = require("../../../../../libs/contracts/src");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _minpositioninterceptor = require("../../read-your-writes/min-position.interceptor");
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
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
let UserSearchHttpController = class UserSearchHttpController {
    constructor(queries){
        this.queries = queries;
    }
    search(email, q, role, limit, cursor) {
        const filters = (0, _usersearchparameters.parseFilters)({
            email,
            q,
            role
        });
        return this.queries.execute(new _usersearchquery.UserSearchQuery(filters, (0, _positioncursor.parseLimit)(limit, {
            fallback: _usersearchparameters.DEFAULT_LIMIT,
            max: _usersearchparameters.MAX_LIMIT
        }), cursor === undefined ? undefined : (0, _positioncursor.decodePositionCursor)(cursor)));
    }
};
_ts_decorate([
    (0, _swagger.ApiOkResponse)({
        type: _openapi.AdminUserListResponseSchema,
        description: 'Newest accounts first; every filter given must match.'
    }),
    (0, _swagger.ApiQuery)({
        name: 'email',
        required: false,
        description: 'Exact match, in any spelling of the address (trimmed, NFC, case-insensitive).'
    }),
    (0, _swagger.ApiQuery)({
        name: 'q',
        required: false,
        description: `Case-insensitive substring of the e-mail or the display name, 1–${_usersearchparameters.MAX_TEXT_LENGTH} characters.`
    }),
    (0, _swagger.ApiQuery)({
        name: 'role',
        required: false,
        enum: _contracts.ROLES
    }),
    (0, _swagger.ApiQuery)({
        name: 'limit',
        required: false,
        schema: {
            type: 'string',
            pattern: '^\\d+$'
        },
        description: `1–${_usersearchparameters.MAX_LIMIT}, default ${_usersearchparameters.DEFAULT_LIMIT}.`
    }),
    (0, _swagger.ApiQuery)({
        name: 'cursor',
        required: false,
        description: 'The `nextCursor` of the previous page.'
    }),
    (0, _common.Get)(),
    (0, _auth.Roles)('admin'),
    _ts_param(0, (0, _common.Query)('email')),
    _ts_param(1, (0, _common.Query)('q')),
    _ts_param(2, (0, _common.Query)('role')),
    _ts_param(3, (0, _common.Query)('limit')),
    _ts_param(4, (0, _common.Query)('cursor')),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        String,
        String,
        String,
        String,
        String
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], UserSearchHttpController.prototype, "search", null);
UserSearchHttpController = _ts_decorate([
    (0, _common.UseInterceptors)(_minpositioninterceptor.MinPositionInterceptor),
    (0, _common.Controller)('api/admin/users'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.QueryBus === "undefined" ? Object : _cqrs.QueryBus
    ])
], UserSearchHttpController);

//# sourceMappingURL=user-search.http.controller.js.map