"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "QueuePlaceHttpController", {
    enumerable: true,
    get: function() {
        return QueuePlaceHttpController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _contracts = require("../../../../../libs/contracts/src");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _domain = require("../../../../../libs/domain/src");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _openapi1 = require("../../../../../libs/platform/src/http/openapi");
const _admissiontokens = require("../../../../../libs/platform/src/security/admission-tokens");
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
let QueuePlaceHttpController = class QueuePlaceHttpController {
    constructor(rooms, tokens, clock){
        this.rooms = rooms;
        this.tokens = tokens;
        this.clock = clock;
    }
    async place(showId, queueId, user) {
        const missing = new _domain.DomainError('QUEUE_PLACE_NOT_FOUND', 'no such place in the waiting room', {});
        if (!_contracts.ENTITY_ID_PATTERN.test(showId) || !_contracts.ENTITY_ID_PATTERN.test(queueId)) throw missing;
        const room = await this.rooms.view(showId);
        const standing = room.standing(queueId, this.clock.now());
        if (!standing || standing.userId !== user.userId) throw missing;
        const { position, estimatedWaitSeconds, admitted } = standing;
        if (!admitted || !standing.admittedAt || !room.state.config) return {
            position,
            estimatedWaitSeconds,
            admitted
        };
        const expiresAt = new Date(Date.parse(standing.admittedAt) + room.state.config.tokenMinutes * 60_000).toISOString();
        const admissionToken = this.tokens.sign({
            showId,
            userId: user.userId,
            queueId,
            expiresAt
        });
        return {
            position,
            estimatedWaitSeconds,
            admitted,
            admissionToken,
            admissionExpiresAt: new Date(Math.ceil(Date.parse(expiresAt) / 1000) * 1000).toISOString()
        };
    }
};
_ts_decorate([
    (0, _swagger.ApiOkResponse)({
        type: _openapi.QueuePlaceResponseSchema
    }),
    (0, _openapi1.ApiProblems)('QUEUE_PLACE_NOT_FOUND'),
    (0, _common.Get)(':showId/queue/:queueId'),
    (0, _common.Header)('Cache-Control', 'no-store'),
    _ts_param(0, (0, _common.Param)('showId')),
    _ts_param(1, (0, _common.Param)('queueId')),
    _ts_param(2, (0, _auth.CurrentUser)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        String,
        String,
        typeof AuthenticatedUser === "undefined" ? Object : AuthenticatedUser
    ]),
    _ts_metadata("design:returntype", Promise)
], QueuePlaceHttpController.prototype, "place", null);
QueuePlaceHttpController = _ts_decorate([
    (0, _common.Controller)('api/shows'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _waitingrooms.WaitingRooms === "undefined" ? Object : _waitingrooms.WaitingRooms,
        typeof _admissiontokens.AdmissionTokens === "undefined" ? Object : _admissiontokens.AdmissionTokens,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock
    ])
], QueuePlaceHttpController);

//# sourceMappingURL=queue-place.http.controller.js.map