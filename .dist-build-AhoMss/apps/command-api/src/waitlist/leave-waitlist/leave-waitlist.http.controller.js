"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LeaveWaitlistHttpController", {
    enumerable: true,
    get: function() {
        return LeaveWaitlistHttpController;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _openapi = require("../../../../../libs/platform/src/http/openapi");
const _clock = require("../../../../../libs/platform/src/time/clock");
const _leavewaitlistcommand = require("./leave-waitlist.command");
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
let LeaveWaitlistHttpController = class LeaveWaitlistHttpController {
    constructor(commands, clock){
        this.commands = commands;
        this.clock = clock;
    }
    async leave(showId, entryId, user, req, res) {
        if (!_contracts.ENTITY_ID_PATTERN.test(showId) || !_contracts.ENTITY_ID_PATTERN.test(entryId)) throw new _domain.DomainError('WAITLIST_ENTRY_NOT_FOUND', 'no such waiting-list entry');
        const { position } = await this.commands.execute(new _leavewaitlistcommand.LeaveWaitlistCommand(showId, entryId, user.userId, (0, _auth.commandContextOf)(req, this.clock)));
        if (position !== null) res.header('X-Position', position);
    }
};
_ts_decorate([
    (0, _swagger.ApiNoContentResponse)({
        description: 'Off the list (also when the entry had ended already). An offer made before stays the fan’s booking, to pay or cancel.'
    }),
    (0, _openapi.ApiProblems)('WAITLIST_ENTRY_NOT_FOUND'),
    (0, _common.Delete)(':showId/waitlist/:entryId'),
    (0, _common.HttpCode)(_common.HttpStatus.NO_CONTENT),
    _ts_param(0, (0, _common.Param)('showId')),
    _ts_param(1, (0, _common.Param)('entryId')),
    _ts_param(2, (0, _auth.CurrentUser)()),
    _ts_param(3, (0, _common.Req)()),
    _ts_param(4, (0, _common.Res)({
        passthrough: true
    })),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        String,
        String,
        typeof AuthenticatedUser === "undefined" ? Object : AuthenticatedUser,
        typeof _auth.AuthenticatedRequest === "undefined" ? Object : _auth.AuthenticatedRequest,
        typeof FastifyReply === "undefined" ? Object : FastifyReply
    ]),
    _ts_metadata("design:returntype", Promise)
], LeaveWaitlistHttpController.prototype, "leave", null);
LeaveWaitlistHttpController = _ts_decorate([
    (0, _common.Controller)('api/shows'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.CommandBus === "undefined" ? Object : _cqrs.CommandBus,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock
    ])
], LeaveWaitlistHttpController);

//# sourceMappingURL=leave-waitlist.http.controller.js.map