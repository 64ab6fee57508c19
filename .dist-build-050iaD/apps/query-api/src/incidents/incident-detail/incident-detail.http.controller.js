"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "IncidentDetailHttpController", {
    enumerable: true,
    get: function() {
        return IncidentDetailHttpController;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _contracts = require("../../../../../libs/contracts/src");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _domain = require("../../../../../libs/domain/src");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _openapi1 = require("../../../../../libs/platform/src/http/openapi");
const _minpositioninterceptor = require("../../read-your-writes/min-position.interceptor");
const _incidentdetailquery = require("./incident-detail.query");
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
let IncidentDetailHttpController = class IncidentDetailHttpController {
    constructor(queries){
        this.queries = queries;
    }
    incident(incidentId, user) {
        // An id that could name no incident answers the same 404, without a read.
        if (!_contracts.ENTITY_ID_PATTERN.test(incidentId)) throw new _domain.DomainError('INCIDENT_NOT_FOUND', 'no such incident', {});
        return this.queries.execute(new _incidentdetailquery.IncidentDetailQuery(incidentId, user.userId, user.roles));
    }
};
_ts_decorate([
    (0, _swagger.ApiOkResponse)({
        type: _openapi.IncidentViewSchema
    }),
    (0, _openapi1.ApiProblems)('INCIDENT_NOT_FOUND'),
    (0, _common.Get)(':incidentId'),
    _ts_param(0, (0, _common.Param)('incidentId')),
    _ts_param(1, (0, _auth.CurrentUser)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        String,
        typeof AuthenticatedUser === "undefined" ? Object : AuthenticatedUser
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], IncidentDetailHttpController.prototype, "incident", null);
IncidentDetailHttpController = _ts_decorate([
    (0, _common.UseInterceptors)(_minpositioninterceptor.MinPositionInterceptor),
    (0, _common.Controller)('api/incidents'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.QueryBus === "undefined" ? Object : _cqrs.QueryBus
    ])
], IncidentDetailHttpController);

//# sourceMappingURL=incident-detail.http.controller.js.map