"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "MeHttpController", {
    enumerable: true,
    get: function() {
        return MeHttpController;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _openapi1 = require("../../../../../libs/platform/src/http/openapi");
const _mequery = require("./me.query");
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
let MeHttpController = class MeHttpController {
    constructor(queries){
        this.queries = queries;
    }
    me(user) {
        return this.queries.execute(new _mequery.GetMeQuery(user.userId));
    }
};
_ts_decorate([
    (0, _swagger.ApiOkResponse)({
        type: _openapi.MeResponseSchema
    }),
    (0, _openapi1.ApiProblems)('USER_NOT_FOUND'),
    (0, _common.Get)('me'),
    (0, _common.Header)('Cache-Control', 'no-store'),
    _ts_param(0, (0, _auth.CurrentUser)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _auth.AuthenticatedUser === "undefined" ? Object : _auth.AuthenticatedUser
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], MeHttpController.prototype, "me", null);
MeHttpController = _ts_decorate([
    (0, _common.Controller)('api/auth'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.QueryBus === "undefined" ? Object : _cqrs.QueryBus
    ])
], MeHttpController);

//# sourceMappingURL=me.http.controller.js.map