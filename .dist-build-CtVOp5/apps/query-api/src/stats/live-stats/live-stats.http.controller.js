"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LiveStatsHttpController", {
    enumerable: true,
    get: function() {
        return LiveStatsHttpController;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _minpositioninterceptor = require("../../read-your-writes/min-position.interceptor");
const _livestatsquery = require("./live-stats.query");
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
let LiveStatsHttpController = class LiveStatsHttpController {
    constructor(queries){
        this.queries = queries;
    }
    stats() {
        return this.queries.execute(new _livestatsquery.LiveStatsQuery());
    }
};
_ts_decorate([
    (0, _swagger.ApiOkResponse)({
        type: _openapi.StatsResponseSchema,
        description: 'Live counters kept by the projector; one lookup, never a scan.'
    }),
    (0, _common.Get)(),
    (0, _auth.Roles)('staff', 'admin'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], LiveStatsHttpController.prototype, "stats", null);
LiveStatsHttpController = _ts_decorate([
    (0, _common.UseInterceptors)(_minpositioninterceptor.MinPositionInterceptor),
    (0, _common.Controller)('api/stats'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.QueryBus === "undefined" ? Object : _cqrs.QueryBus
    ])
], LiveStatsHttpController);

//# sourceMappingURL=live-stats.http.controller.js.map