"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "DeviceRulesHttpController", {
    enumerable: true,
    get: function() {
        return DeviceRulesHttpController;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _devicerulesquery = require("./device-rules.query");
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
let DeviceRulesHttpController = class DeviceRulesHttpController {
    constructor(queries){
        this.queries = queries;
    }
    rules() {
        return this.queries.execute(new _devicerulesquery.DeviceRulesQuery());
    }
};
_ts_decorate([
    (0, _swagger.ApiOkResponse)({
        type: _openapi.DeviceRulesResponseSchema
    }),
    (0, _common.Get)(),
    (0, _auth.Roles)('staff', 'admin'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], DeviceRulesHttpController.prototype, "rules", null);
DeviceRulesHttpController = _ts_decorate([
    (0, _common.Controller)('api/ops/rules'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.QueryBus === "undefined" ? Object : _cqrs.QueryBus
    ])
], DeviceRulesHttpController);

//# sourceMappingURL=device-rules.http.controller.js.map