"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CancelBookingHttpController", {
    enumerable: true,
    get: function() {
        return CancelBookingHttpController;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _clock = require("../../../../../libs/platform/src/time/clock");
const _openapi1 = require("../../../../../libs/platform/src/http/openapi");
const _boxofficestreams = require("../box-office-streams");
const _paymentinprogress = require("../payment-in-progress");
const _cancelbookingcommand = require("./cancel-booking.command");
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
let CancelBookingHttpController = class CancelBookingHttpController {
    constructor(commands, clock){
        this.commands = commands;
        this.clock = clock;
    }
    async cancel(bookingId, user, req, res) {
        const command = new _cancelbookingcommand.CancelBookingCommand((0, _boxofficestreams.bookingIdFromPath)(bookingId), user.userId, (0, _auth.commandContextOf)(req, this.clock));
        const result = await this.commands.execute(command).catch((error)=>{
            (0, _paymentinprogress.retryAfterWhilePaying)(error, res);
            throw error;
        });
        res.header('X-Position', result.position);
        return result;
    }
};
_ts_decorate([
    (0, _swagger.ApiOkResponse)({
        type: _openapi.CancelBookingResponseSchema
    }),
    (0, _openapi1.ApiProblems)('BOOKING_NOT_FOUND', 'INVALID_BOOKING_STATE'),
    (0, _common.Post)(':bookingId/cancel'),
    (0, _common.HttpCode)(200),
    _ts_param(0, (0, _common.Param)('bookingId')),
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
], CancelBookingHttpController.prototype, "cancel", null);
CancelBookingHttpController = _ts_decorate([
    (0, _common.Controller)('api/bookings'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.CommandBus === "undefined" ? Object : _cqrs.CommandBus,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock
    ])
], CancelBookingHttpController);

//# sourceMappingURL=cancel-booking.http.controller.js.map