"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "IncidentListHttpController", {
    enumerable: true,
    get: function() {
        return IncidentListHttpController;
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
const _incidentlistparameters = require("./incident-list-parameters");
const _incidentlistquery = require("./incident-list.query");
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
let IncidentListHttpController = class IncidentListHttpController {
    constructor(queries){
        this.queries = queries;
    }
    list(status, severity, priority, category, source, venueId, assigneeId, limit, cursor) {
        const filters = (0, _incidentlistparameters.parseFilters)({
            status,
            severity,
            priority,
            category,
            source,
            venueId,
            assigneeId
        });
        const size = (0, _positioncursor.parseLimit)(limit, {
            fallback: _incidentlistparameters.DEFAULT_LIMIT,
            max: _incidentlistparameters.MAX_LIMIT
        });
        return this.queries.execute(new _incidentlistquery.IncidentListQuery(filters, size, cursor === undefined ? undefined : (0, _positioncursor.decodePositionCursor)(cursor)));
    }
};
_ts_decorate([
    (0, _swagger.ApiOkResponse)({
        type: _openapi.IncidentListResponseSchema,
        description: 'Newest first.'
    }),
    (0, _swagger.ApiQuery)({
        name: 'status',
        required: false,
        enum: _contracts.INCIDENT_STATUSES
    }),
    (0, _swagger.ApiQuery)({
        name: 'severity',
        required: false,
        enum: _contracts.INCIDENT_SEVERITIES
    }),
    (0, _swagger.ApiQuery)({
        name: 'priority',
        required: false,
        enum: _contracts.INCIDENT_PRIORITIES
    }),
    (0, _swagger.ApiQuery)({
        name: 'category',
        required: false,
        enum: _contracts.INCIDENT_CATEGORIES
    }),
    (0, _swagger.ApiQuery)({
        name: 'source',
        required: false,
        enum: [
            'report',
            'device'
        ]
    }),
    (0, _swagger.ApiQuery)({
        name: 'venueId',
        required: false
    }),
    (0, _swagger.ApiQuery)({
        name: 'assigneeId',
        required: false,
        description: 'A user id: the incidents assigned to them; `none`: the unassigned ones.'
    }),
    (0, _swagger.ApiQuery)({
        name: 'limit',
        required: false,
        schema: {
            type: 'string',
            pattern: '^\\d+$'
        },
        description: `1–${_incidentlistparameters.MAX_LIMIT}, default ${_incidentlistparameters.DEFAULT_LIMIT}.`
    }),
    (0, _swagger.ApiQuery)({
        name: 'cursor',
        required: false,
        description: 'The `nextCursor` of the previous page.'
    }),
    (0, _common.Get)(),
    (0, _auth.Roles)('staff', 'admin'),
    _ts_param(0, (0, _common.Query)('status')),
    _ts_param(1, (0, _common.Query)('severity')),
    _ts_param(2, (0, _common.Query)('priority')),
    _ts_param(3, (0, _common.Query)('category')),
    _ts_param(4, (0, _common.Query)('source')),
    _ts_param(5, (0, _common.Query)('venueId')),
    _ts_param(6, (0, _common.Query)('assigneeId')),
    _ts_param(7, (0, _common.Query)('limit')),
    _ts_param(8, (0, _common.Query)('cursor')),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        String,
        String,
        String,
        String,
        String,
        String,
        String,
        String,
        String
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], IncidentListHttpController.prototype, "list", null);
IncidentListHttpController = _ts_decorate([
    (0, _common.UseInterceptors)(_minpositioninterceptor.MinPositionInterceptor),
    (0, _common.Controller)('api/incidents'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.QueryBus === "undefined" ? Object : _cqrs.QueryBus
    ])
], IncidentListHttpController);

//# sourceMappingURL=incident-list.http.controller.js.map