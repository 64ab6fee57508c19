"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ShowDetailHttpController", {
    enumerable: true,
    get: function() {
        return ShowDetailHttpController;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _openapi1 = require("../../../../../libs/platform/src/http/openapi");
const _minpositioninterceptor = require("../../read-your-writes/min-position.interceptor");
const _showdetailquery = require("./show-detail.query");
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
let ShowDetailHttpController = class ShowDetailHttpController {
    constructor(queries){
        this.queries = queries;
    }
    detail(showId, user) {
        return this.queries.execute(new _showdetailquery.ShowDetailQuery(showId, user));
    }
};
_ts_decorate([
    (0, _swagger.ApiOkResponse)({
        type: _openapi.ShowDetailResponseSchema
    }),
    (0, _openapi1.ApiProblems)('SHOW_NOT_FOUND'),
    (0, _common.Get)(':showId'),
    _ts_param(0, (0, _common.Param)('showId')),
    _ts_param(1, (0, _auth.CurrentUser)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        String,
        typeof AuthenticatedUser === "undefined" ? Object : AuthenticatedUser
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], ShowDetailHttpController.prototype, "detail", null);
ShowDetailHttpController = _ts_decorate([
    (0, _auth.Public)(),
    (0, _common.UseInterceptors)(_minpositioninterceptor.MinPositionInterceptor),
    (0, _common.Controller)('api/shows'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.QueryBus === "undefined" ? Object : _cqrs.QueryBus
    ])
], ShowDetailHttpController);

//# sourceMappingURL=show-detail.http.controller.js.map