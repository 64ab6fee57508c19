"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "JoinWaitlistHttpController", {
    enumerable: true,
    get: function() {
        return JoinWaitlistHttpController;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _contracts = require("../../../../../libs/contracts/src");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _domain = require("../../../../../libs/domain/src");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _eventsourcing = require("../../../../../libs/platform/src/commands/event-sourcing");
const _openapi1 = require("../../../../../libs/platform/src/http/openapi");
const _clock = require("../../../../../libs/platform/src/time/clock");
const _joinwaitlistcommand = require("./join-waitlist.command");
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
let JoinWaitlistHttpController = class JoinWaitlistHttpController {
    constructor(commands, clock, ids){
        this.commands = commands;
        this.clock = clock;
        this.ids = ids;
    }
    async join(showId, body, user, req, res) {
        if (!_contracts.ENTITY_ID_PATTERN.test(showId)) throw new _domain.DomainError('SHOW_NOT_FOUND', `show ${showId} does not exist`);
        // With an Idempotency-Key the entry id follows from it: a retry finds the entry it made.
        const entryId = req.commandId ? (0, _eventsourcing.deterministicEventId)(req.commandId, 'waitlist-entry', 0) : this.ids.newId();
        const command = new _joinwaitlistcommand.JoinWaitlistCommand(showId, entryId, user.userId, body.categoryId ?? null, body.seats, (0, _auth.commandContextOf)(req, this.clock));
        const result = await this.commands.execute(command);
        res.header('X-Position', result.position);
        return result;
    }
};
_ts_decorate([
    (0, _swagger.ApiCreatedResponse)({
        type: _openapi.JoinWaitlistResponseSchema,
        description: 'On the list; a user on it already gets their entry again.'
    }),
    (0, _openapi1.ApiProblems)('SHOW_NOT_FOUND', 'SHOW_NOT_ON_SALE', 'TOO_MANY_SEATS'),
    (0, _common.Post)(':showId/waitlist'),
    (0, _common.HttpCode)(201),
    _ts_param(0, (0, _common.Param)('showId')),
    _ts_param(1, (0, _common.Body)()),
    _ts_param(2, (0, _auth.CurrentUser)()),
    _ts_param(3, (0, _common.Req)()),
    _ts_param(4, (0, _common.Res)({
        passthrough: true
    })),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        String,
        typeof _contracts.JoinWaitlistRequest === "undefined" ? Object : _contracts.JoinWaitlistRequest,
        typeof AuthenticatedUser === "undefined" ? Object : AuthenticatedUser,
        typeof _auth.AuthenticatedRequest === "undefined" ? Object : _auth.AuthenticatedRequest,
        typeof FastifyReply === "undefined" ? Object : FastifyReply
    ]),
    _ts_metadata("design:returntype", Promise)
], JoinWaitlistHttpController.prototype, "join", null);
JoinWaitlistHttpController = _ts_decorate([
    (0, _common.Controller)('api/shows'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.CommandBus === "undefined" ? Object : _cqrs.CommandBus,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock,
        typeof _clock.IdGenerator === "undefined" ? Object : _clock.IdGenerator
    ])
], JoinWaitlistHttpController);

//# sourceMappingURL=join-waitlist.http.controller.js.map