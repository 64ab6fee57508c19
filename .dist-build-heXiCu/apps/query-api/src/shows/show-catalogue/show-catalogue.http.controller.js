"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ShowCatalogueHttpController", {
    enumerable: true,
    get: function() {
        return ShowCatalogueHttpController;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _minpositioninterceptor = require("../../read-your-writes/min-position.interceptor");
const _cataloguecursor = require("./catalogue-cursor");
const _showcataloguequery = require("./show-catalogue.query");
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
let ShowCatalogueHttpController = class ShowCatalogueHttpController {
    constructor(queries){
        this.queries = queries;
    }
    list(limit, cursor) {
        const size = (0, _cataloguecursor.parseLimit)(limit);
        const after = cursor === undefined ? undefined : (0, _cataloguecursor.decodeCursor)(cursor);
        return this.queries.execute(new _showcataloguequery.ShowCatalogueQuery(size, after));
    }
};
_ts_decorate([
    (0, _swagger.ApiOkResponse)({
        type: _openapi.ShowListResponseSchema,
        description: 'No seat map.'
    }),
    (0, _swagger.ApiQuery)({
        name: 'limit',
        required: false,
        schema: {
            type: 'string',
            pattern: '^\\d+$'
        }
    }),
    (0, _swagger.ApiQuery)({
        name: 'cursor',
        required: false,
        description: 'The `nextCursor` of the previous page.'
    }),
    (0, _common.Get)(),
    _ts_param(0, (0, _common.Query)('limit')),
    _ts_param(1, (0, _common.Query)('cursor')),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        String,
        String
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], ShowCatalogueHttpController.prototype, "list", null);
ShowCatalogueHttpController = _ts_decorate([
    (0, _auth.Public)(),
    (0, _common.UseInterceptors)(_minpositioninterceptor.MinPositionInterceptor),
    (0, _common.Controller)('api/shows'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.QueryBus === "undefined" ? Object : _cqrs.QueryBus
    ])
], ShowCatalogueHttpController);

//# sourceMappingURL=show-catalogue.http.controller.js.map