"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ListDevicesHttpController", {
    enumerable: true,
    get: function() {
        return ListDevicesHttpController;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _contracts = require("../../../../../libs/contracts/src");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _minpositioninterceptor = require("../../read-your-writes/min-position.interceptor");
const _listdevicesquery = require("./list-devices.query");
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
let ListDevicesHttpController = class ListDevicesHttpController {
    constructor(queries){
        this.queries = queries;
    }
    list(query) {
        return this.queries.execute(new _listdevicesquery.ListDevicesQuery(query.venueId, query.status));
    }
};
_ts_decorate([
    (0, _swagger.ApiOkResponse)({
        type: _openapi.DeviceListResponseSchema,
        description: 'Sorted by device id; at most 10,000.'
    }),
    (0, _swagger.ApiQuery)({
        name: 'venueId',
        required: false,
        schema: {
            type: 'string',
            pattern: _contracts.DEVICE_ID_PATTERN.source
        }
    }),
    (0, _swagger.ApiQuery)({
        name: 'status',
        required: false,
        schema: {
            type: 'string',
            enum: [
                ..._contracts.DEVICE_STATUSES
            ]
        }
    }),
    (0, _common.Get)(),
    (0, _auth.Roles)('staff', 'admin'),
    _ts_param(0, (0, _common.Query)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _contracts.ListDevicesRequest === "undefined" ? Object : _contracts.ListDevicesRequest
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], ListDevicesHttpController.prototype, "list", null);
ListDevicesHttpController = _ts_decorate([
    (0, _common.UseInterceptors)(_minpositioninterceptor.MinPositionInterceptor),
    (0, _common.Controller)('api/devices'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.QueryBus === "undefined" ? Object : _cqrs.QueryBus
    ])
], ListDevicesHttpController);

//# sourceMappingURL=list-devices.http.controller.js.map