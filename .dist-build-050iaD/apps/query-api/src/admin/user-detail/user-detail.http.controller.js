"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "UserDetailHttpController", {
    enumerable: true,
    get: function() {
        return UserDetailHttpController;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _domain = require("../../../../../libs/domain/src");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _openapi1 = require("../../../../../libs/platform/src/http/openapi");
const _minpositioninterceptor = require("../../read-your-writes/min-position.interceptor");
const _userdetailquery = require("./user-detail.query");
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
/** Account ids are UUIDs (registration makes them). */ const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
let UserDetailHttpController = class UserDetailHttpController {
    constructor(queries){
        this.queries = queries;
    }
    user(userId) {
        // An id that could name no account answers the same 404, without a read.
        if (!USER_ID.test(userId)) throw new _domain.DomainError('USER_NOT_FOUND', 'no such user', {});
        return this.queries.execute(new _userdetailquery.UserDetailQuery(userId.toLowerCase()));
    }
};
_ts_decorate([
    (0, _swagger.ApiOkResponse)({
        type: _openapi.AdminUserViewSchema
    }),
    (0, _openapi1.ApiProblems)('USER_NOT_FOUND'),
    (0, _common.Get)(':userId'),
    (0, _auth.Roles)('admin'),
    _ts_param(0, (0, _common.Param)('userId')),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        String
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], UserDetailHttpController.prototype, "user", null);
UserDetailHttpController = _ts_decorate([
    (0, _common.UseInterceptors)(_minpositioninterceptor.MinPositionInterceptor),
    (0, _common.Controller)('api/admin/users'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.QueryBus === "undefined" ? Object : _cqrs.QueryBus
    ])
], UserDetailHttpController);

//# sourceMappingURL=user-detail.http.controller.js.map