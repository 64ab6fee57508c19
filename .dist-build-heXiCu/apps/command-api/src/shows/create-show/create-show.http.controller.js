"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CreateShowHttpController", {
    enumerable: true,
    get: function() {
        return CreateShowHttpController;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _contracts = require("../../../../../libs/contracts/src");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _eventsourcing = require("../../../../../libs/platform/src/commands/event-sourcing");
const _clock = require("../../../../../libs/platform/src/time/clock");
const _openapi1 = require("../../../../../libs/platform/src/http/openapi");
const _createshowcommand = require("./create-show.command");
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
let CreateShowHttpController = class CreateShowHttpController {
    constructor(commands, clock, ids){
        this.commands = commands;
        this.clock = clock;
        this.ids = ids;
    }
    async create(body, req, res) {
        const context = (0, _auth.commandContextOf)(req, this.clock);
        // With an Idempotency-Key the id follows from it, so a retry after a crash finds its show.
        const showId = req.commandId ? (0, _eventsourcing.deterministicEventId)(req.commandId, 'show', 0) : this.ids.newId();
        const result = await this.commands.execute(new _createshowcommand.CreateShowCommand(showId, body, context));
        res.header('X-Position', result.position);
        return result;
    }
};
_ts_decorate([
    (0, _swagger.ApiCreatedResponse)({
        type: _openapi.CreateShowResponseSchema,
        description: 'Created in status `draft`.'
    }),
    (0, _openapi1.ApiProblems)([
        'SHOW_IN_PAST',
        400
    ], 'INVALID_SHOW_STATE'),
    (0, _common.Post)(),
    (0, _auth.Roles)('admin'),
    (0, _common.HttpCode)(201),
    _ts_param(0, (0, _common.Body)()),
    _ts_param(1, (0, _common.Req)()),
    _ts_param(2, (0, _common.Res)({
        passthrough: true
    })),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _contracts.CreateShowRequest === "undefined" ? Object : _contracts.CreateShowRequest,
        typeof _auth.AuthenticatedRequest === "undefined" ? Object : _auth.AuthenticatedRequest,
        typeof FastifyReply === "undefined" ? Object : FastifyReply
    ]),
    _ts_metadata("design:returntype", Promise)
], CreateShowHttpController.prototype, "create", null);
CreateShowHttpController = _ts_decorate([
    (0, _common.Controller)('api/shows'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.CommandBus === "undefined" ? Object : _cqrs.CommandBus,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock,
        typeof _clock.IdGenerator === "undefined" ? Object : _clock.IdGenerator
    ])
], CreateShowHttpController);

//# sourceMappingURL=create-show.http.controller.js.map