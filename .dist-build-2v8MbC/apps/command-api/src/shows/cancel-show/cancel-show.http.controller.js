"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CancelShowController", {
    enumerable: true,
    get: function() {
        return CancelShowController;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _contracts = require("../../../../../libs/contracts/src");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _domain = require("../../../../../libs/domain/src");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _clock = require("../../../../../libs/platform/src/time/clock");
const _openapi1 = require("../../../../../libs/platform/src/http/openapi");
const _cancelshowcommand = require("./cancel-show.command");
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
let CancelShowController = class CancelShowController {
    constructor(commands, clock){
        this.commands = commands;
        this.clock = clock;
    }
    async cancel(showId, body, req, res) {
        // A path id that could never name a show answers like a missing one, without a read.
        if (!_contracts.ENTITY_ID_PATTERN.test(showId)) throw new _domain.DomainError('SHOW_NOT_FOUND', 'no such show', {});
        const result = await this.commands.execute(new _cancelshowcommand.CancelShowCommand(showId, body.reason, (0, _auth.commandContextOf)(req, this.clock)));
        res.header('X-Position', result.position);
        return result;
    }
};
_ts_decorate([
    (0, _swagger.ApiOkResponse)({
        type: _openapi.CancelShowResponseSchema,
        description: 'Paid bookings are refunded and their tickets voided.'
    }),
    (0, _openapi1.ApiProblems)('SHOW_NOT_FOUND', 'INVALID_SHOW_STATE'),
    (0, _common.Post)(':showId/cancel'),
    (0, _common.HttpCode)(200),
    (0, _auth.Roles)('admin'),
    _ts_param(0, (0, _common.Param)('showId')),
    _ts_param(1, (0, _common.Body)()),
    _ts_param(2, (0, _common.Req)()),
    _ts_param(3, (0, _common.Res)({
        passthrough: true
    })),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        String,
        typeof _contracts.CancelShowRequest === "undefined" ? Object : _contracts.CancelShowRequest,
        typeof _auth.AuthenticatedRequest === "undefined" ? Object : _auth.AuthenticatedRequest,
        typeof FastifyReply === "undefined" ? Object : FastifyReply
    ]),
    _ts_metadata("design:returntype", Promise)
], CancelShowController.prototype, "cancel", null);
CancelShowController = _ts_decorate([
    (0, _common.Controller)('api/shows'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.CommandBus === "undefined" ? Object : _cqrs.CommandBus,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock
    ])
], CancelShowController);

//# sourceMappingURL=cancel-show.http.controller.js.map