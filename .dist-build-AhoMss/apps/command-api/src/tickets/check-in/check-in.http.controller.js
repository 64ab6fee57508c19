"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CheckInController", {
    enumerable: true,
    get: function() {
        return CheckInController;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _contracts = require("../../../../../libs/contracts/src");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _clock = require("../../../../../libs/platform/src/time/clock");
const _openapi1 = require("../../../../../libs/platform/src/http/openapi");
const _checkincommand = require("./check-in.command");
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
let CheckInController = class CheckInController {
    constructor(commands, clock){
        this.commands = commands;
        this.clock = clock;
    }
    async checkIn(body, user, req, res) {
        const result = await this.commands.execute(new _checkincommand.CheckInCommand(body.code, user.userId, (0, _auth.commandContextOf)(req, this.clock)));
        res.header('X-Position', result.position);
        return result;
    }
};
_ts_decorate([
    (0, _swagger.ApiOkResponse)({
        type: _openapi.CheckInResponseSchema
    }),
    (0, _openapi1.ApiProblems)('INVALID_TICKET', 'ALREADY_CHECKED_IN'),
    (0, _common.Post)(),
    (0, _common.HttpCode)(200),
    (0, _auth.Roles)('staff', 'admin'),
    _ts_param(0, (0, _common.Body)()),
    _ts_param(1, (0, _auth.CurrentUser)()),
    _ts_param(2, (0, _common.Req)()),
    _ts_param(3, (0, _common.Res)({
        passthrough: true
    })),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _contracts.CheckInRequest === "undefined" ? Object : _contracts.CheckInRequest,
        typeof _auth.AuthenticatedUser === "undefined" ? Object : _auth.AuthenticatedUser,
        typeof _auth.AuthenticatedRequest === "undefined" ? Object : _auth.AuthenticatedRequest,
        typeof FastifyReply === "undefined" ? Object : FastifyReply
    ]),
    _ts_metadata("design:returntype", Promise)
], CheckInController.prototype, "checkIn", null);
CheckInController = _ts_decorate([
    (0, _common.Controller)('api/checkins'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.CommandBus === "undefined" ? Object : _cqrs.CommandBus,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock
    ])
], CheckInController);

//# sourceMappingURL=check-in.http.controller.js.map