"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "UpdateIncidentHttpController", {
    enumerable: true,
    get: function() {
        return UpdateIncidentHttpController;
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
const _clock = require("../../../../../libs/platform/src/time/clock");
const _incidentid = require("../incident-id");
const _updateincidentcommand = require("./update-incident.command");
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
let UpdateIncidentHttpController = class UpdateIncidentHttpController {
    constructor(commands, clock){
        this.commands = commands;
        this.clock = clock;
    }
    /** Staff and admin; at least one field. An illegal status move answers 409 and changes nothing. */ async update(incidentId, body, user, req, res) {
        // `assigneeId: null` is a change (the assignment is taken away); an absent field is not.
        if (!_contracts.UPDATE_INCIDENT_FIELDS.some((field)=>body[field] !== undefined)) {
            throw new _domain.DomainError('VALIDATION_FAILED', 'name at least one field to change', {
                errors: [
                    {
                        field: 'body',
                        message: `must have at least one of ${_contracts.UPDATE_INCIDENT_FIELDS.join(', ')}`
                    }
                ]
            });
        }
        const result = await this.commands.execute(new _updateincidentcommand.UpdateIncidentCommand((0, _incidentid.incidentIdFromPath)(incidentId), user.userId, body, (0, _auth.commandContextOf)(req, this.clock)));
        res.header('X-Position', result.position);
        return result;
    }
};
_ts_decorate([
    (0, _swagger.ApiOkResponse)({
        type: _openapi.UpdateIncidentResponseSchema
    }),
    (0, _openapi1.ApiProblems)('INCIDENT_NOT_FOUND', 'INVALID_TRANSITION'),
    (0, _common.Patch)(':incidentId'),
    (0, _auth.Roles)('staff', 'admin'),
    (0, _common.HttpCode)(200),
    _ts_param(0, (0, _common.Param)('incidentId')),
    _ts_param(1, (0, _common.Body)()),
    _ts_param(2, (0, _auth.CurrentUser)()),
    _ts_param(3, (0, _common.Req)()),
    _ts_param(4, (0, _common.Res)({
        passthrough: true
    })),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        String,
        typeof _contracts.UpdateIncidentRequest === "undefined" ? Object : _contracts.UpdateIncidentRequest,
        typeof _auth.AuthenticatedUser === "undefined" ? Object : _auth.AuthenticatedUser,
        typeof _auth.AuthenticatedRequest === "undefined" ? Object : _auth.AuthenticatedRequest,
        typeof FastifyReply === "undefined" ? Object : FastifyReply
    ]),
    _ts_metadata("design:returntype", Promise)
], UpdateIncidentHttpController.prototype, "update", null);
UpdateIncidentHttpController = _ts_decorate([
    (0, _common.Controller)('api/incidents'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.CommandBus === "undefined" ? Object : _cqrs.CommandBus,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock
    ])
], UpdateIncidentHttpController);

//# sourceMappingURL=update-incident.http.controller.js.map