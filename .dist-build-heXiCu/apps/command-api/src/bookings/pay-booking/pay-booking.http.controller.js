"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "PayBookingHttpController", {
    enumerable: true,
    get: function() {
        return PayBookingHttpController;
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
const _boxofficestreams = require("../box-office-streams");
const _paymentinprogress = require("../payment-in-progress");
const _paybookingcommand = require("./pay-booking.command");
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
let PayBookingHttpController = class PayBookingHttpController {
    constructor(commands, clock){
        this.commands = commands;
        this.clock = clock;
    }
    async pay(bookingId, body, user, req, res) {
        const { number, expMonth, expYear, cvc } = body.card;
        const command = new _paybookingcommand.PayBookingCommand((0, _boxofficestreams.bookingIdFromPath)(bookingId), user.userId, {
            number,
            expMonth,
            expYear,
            cvc
        }, (0, _auth.commandContextOf)(req, this.clock));
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
        type: _openapi.PayBookingResponseSchema
    }),
    (0, _openapi1.ApiProblems)('BOOKING_NOT_FOUND', 'PAYMENT_DECLINED', 'CARD_EXPIRED', 'HOLD_EXPIRED', 'INVALID_BOOKING_STATE'),
    (0, _common.Post)(':bookingId/payment'),
    (0, _common.HttpCode)(200),
    _ts_param(0, (0, _common.Param)('bookingId')),
    _ts_param(1, (0, _common.Body)()),
    _ts_param(2, (0, _auth.CurrentUser)()),
    _ts_param(3, (0, _common.Req)()),
    _ts_param(4, (0, _common.Res)({
        passthrough: true
    })),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        String,
        typeof _contracts.PayBookingRequest === "undefined" ? Object : _contracts.PayBookingRequest,
        typeof AuthenticatedUser === "undefined" ? Object : AuthenticatedUser,
        typeof _auth.AuthenticatedRequest === "undefined" ? Object : _auth.AuthenticatedRequest,
        typeof FastifyReply === "undefined" ? Object : FastifyReply
    ]),
    _ts_metadata("design:returntype", Promise)
], PayBookingHttpController.prototype, "pay", null);
PayBookingHttpController = _ts_decorate([
    (0, _common.Controller)('api/bookings'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.CommandBus === "undefined" ? Object : _cqrs.CommandBus,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock
    ])
], PayBookingHttpController);

//# sourceMappingURL=pay-booking.http.controller.js.map