"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "JoinQueueHttpController", {
    enumerable: true,
    get: function() {
        return JoinQueueHttpController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _contracts = require("../../../../../libs/contracts/src");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _domain = require("../../../../../libs/domain/src");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _eventsourcing = require("../../../../../libs/platform/src/commands/event-sourcing");
const _openapi1 = require("../../../../../libs/platform/src/http/openapi");
const _ratelimit = require("../../../../../libs/platform/src/http/rate-limit");
const _clock = require("../../../../../libs/platform/src/time/clock");
const _waitingrooms = require("../waiting-rooms");
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
let JoinQueueHttpController = class JoinQueueHttpController {
    constructor(rooms, clock, ids){
        this.rooms = rooms;
        this.clock = clock;
        this.ids = ids;
    }
    async join(showId, user, req, res) {
        if (!_contracts.ENTITY_ID_PATTERN.test(showId)) throw new _domain.DomainError('SHOW_NOT_FOUND', `show ${showId} does not exist`);
        const queueId = req.commandId ? (0, _eventsourcing.deterministicEventId)(req.commandId, 'queue', 0) : this.ids.newId();
        const place = await this.rooms.join(showId, user.userId, queueId, (0, _auth.commandContextOf)(req, this.clock));
        res.header('X-Position', String(place.logPosition));
        return {
            queueId: place.queueId,
            position: place.position,
            estimatedWaitSeconds: place.estimatedWaitSeconds
        };
    }
};
_ts_decorate([
    (0, _swagger.ApiCreatedResponse)({
        type: _openapi.JoinQueueResponseSchema,
        description: 'The place: its position (1 is next) and the estimated wait.'
    }),
    (0, _openapi1.ApiProblems)('SHOW_NOT_FOUND', 'WAITING_ROOM_DISABLED', 'CONCURRENCY_CONFLICT'),
    (0, _common.Post)(':showId/queue'),
    (0, _ratelimit.RateLimit)('queue-join'),
    (0, _common.HttpCode)(201),
    _ts_param(0, (0, _common.Param)('showId')),
    _ts_param(1, (0, _auth.CurrentUser)()),
    _ts_param(2, (0, _common.Req)()),
    _ts_param(3, (0, _common.Res)({
        passthrough: true
    })),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        String,
        typeof AuthenticatedUser === "undefined" ? Object : AuthenticatedUser,
        typeof _auth.AuthenticatedRequest === "undefined" ? Object : _auth.AuthenticatedRequest,
        typeof FastifyReply === "undefined" ? Object : FastifyReply
    ]),
    _ts_metadata("design:returntype", Promise)
], JoinQueueHttpController.prototype, "join", null);
JoinQueueHttpController = _ts_decorate([
    (0, _common.Controller)('api/shows'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _waitingrooms.WaitingRooms === "undefined" ? Object : _waitingrooms.WaitingRooms,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock,
        typeof _clock.IdGenerator === "undefined" ? Object : _clock.IdGenerator
    ])
], JoinQueueHttpController);

//# sourceMappingURL=join-queue.http.controller.js.map