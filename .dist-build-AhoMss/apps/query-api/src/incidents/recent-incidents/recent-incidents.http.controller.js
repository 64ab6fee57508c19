"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RecentIncidentsHttpController", {
    enumerable: true,
    get: function() {
        return RecentIncidentsHttpController;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _minpositioninterceptor = require("../../read-your-writes/min-position.interceptor");
const _positioncursor = require("../../paging/position-cursor");
const _recentincidentsquery = require("./recent-incidents.query");
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
const DEFAULT_RECENT = 50;
const MAX_RECENT = 500;
let RecentIncidentsHttpController = class RecentIncidentsHttpController {
    constructor(queries){
        this.queries = queries;
    }
    recent(limit) {
        return this.queries.execute(new _recentincidentsquery.RecentIncidentsQuery((0, _positioncursor.parseLimit)(limit, {
            fallback: DEFAULT_RECENT,
            max: MAX_RECENT
        })));
    }
};
_ts_decorate([
    (0, _swagger.ApiOkResponse)({
        type: _openapi.IncidentItemsResponseSchema,
        description: 'Newest first.'
    }),
    (0, _swagger.ApiQuery)({
        name: 'limit',
        required: false,
        schema: {
            type: 'string',
            pattern: '^\\d+$'
        },
        description: `1–${MAX_RECENT}, default ${DEFAULT_RECENT}.`
    }),
    (0, _common.Get)('recent'),
    (0, _auth.Roles)('staff', 'admin'),
    _ts_param(0, (0, _common.Query)('limit')),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        String
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], RecentIncidentsHttpController.prototype, "recent", null);
RecentIncidentsHttpController = _ts_decorate([
    (0, _common.UseInterceptors)(_minpositioninterceptor.MinPositionInterceptor),
    (0, _common.Controller)('api/incidents'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.QueryBus === "undefined" ? Object : _cqrs.QueryBus
    ])
], RecentIncidentsHttpController);

//# sourceMappingURL=recent-incidents.http.controller.js.map