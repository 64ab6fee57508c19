"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "PlaceBookingHttpController", {
    enumerable: true,
    get: function() {
        return PlaceBookingHttpController;
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
const _bookingids = require("../booking-ids");
const _bookingrequestsettler = require("../settle-booking/booking-request-settler");
const _placebookingcommand = require("./place-booking.command");
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
/** `Prefer: respond-async` (RFC 7240) asks for 202 and a Location to poll. */ const wantsAsync = (prefer)=>(prefer ?? '').split(',').some((preference)=>preference.trim().toLowerCase() === 'respond-async');
let PlaceBookingHttpController = class PlaceBookingHttpController {
    constructor(commands, clock, ids, settler){
        this.commands = commands;
        this.clock = clock;
        this.ids = ids;
        this.settler = settler;
    }
    async place(body, user, prefer, admissionToken, req, res) {
        // With an Idempotency-Key the booking id follows from it: a retry finds the booking it made.
        const bookingId = req.commandId ? (0, _bookingids.bookingIdFor)(req.commandId) : this.ids.newId();
        const respondAsync = wantsAsync(prefer);
        const command = new _placebookingcommand.PlaceBookingCommand(bookingId, user.userId, body.showId, body.seats, (0, _auth.commandContextOf)(req, this.clock), respondAsync, body.voucherCode, admissionToken);
        const result = await this.commands.execute(command);
        res.header('X-Position', result.position);
        if (result.status !== 'pending') return result;
        res.status(202);
        res.header('Location', `/api/bookings/${bookingId}`);
        res.header('Preference-Applied', 'respond-async');
        // The fast path starts once the answer is out (or the client is gone); if this process dies
        // first, the settler's subscription finds the request in the log all the same.
        res.raw.once('close', ()=>this.settler.settleNow(bookingId));
        return {
            bookingId: result.bookingId,
            status: result.status
        };
    }
};
_ts_decorate([
    (0, _swagger.ApiCreatedResponse)({
        type: _openapi.PlaceBookingResponseSchema,
        description: 'The seats are held until `expiresAt`.'
    }),
    (0, _swagger.ApiAcceptedResponse)({
        type: _openapi.PendingBookingResponseSchema,
        description: 'With `Prefer: respond-async`: poll `Location`.'
    }),
    (0, _swagger.ApiHeader)({
        name: 'X-Admission-Token',
        required: false,
        description: "While the show's waiting room is enabled: the token of the caller's admitted place (GET /api/shows/{showId}/queue/{queueId})."
    }),
    (0, _swagger.ApiHeader)({
        name: 'Prefer',
        required: false,
        description: '`respond-async`: answer 202 at once and settle the hold in the background.'
    }),
    (0, _openapi1.ApiProblems)('ADMISSION_REQUIRED', 'SHOW_NOT_FOUND', 'SEAT_NOT_FOUND', 'SEATS_UNAVAILABLE', 'SHOW_NOT_ON_SALE', 'TOO_MANY_SEATS', 'HOLD_LIMIT_REACHED', 'TICKET_LIMIT_REACHED', 'VOUCHER_INVALID', 'VOUCHER_EXHAUSTED', 'CONCURRENCY_CONFLICT', 'SERVICE_UNAVAILABLE'),
    (0, _common.Post)(),
    (0, _common.HttpCode)(201),
    _ts_param(0, (0, _common.Body)()),
    _ts_param(1, (0, _auth.CurrentUser)()),
    _ts_param(2, (0, _common.Headers)('prefer')),
    _ts_param(3, (0, _common.Headers)(_contracts.ADMISSION_TOKEN_HEADER)),
    _ts_param(4, (0, _common.Req)()),
    _ts_param(5, (0, _common.Res)({
        passthrough: true
    })),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _contracts.PlaceBookingRequest === "undefined" ? Object : _contracts.PlaceBookingRequest,
        typeof AuthenticatedUser === "undefined" ? Object : AuthenticatedUser,
        Object,
        Object,
        typeof _auth.AuthenticatedRequest === "undefined" ? Object : _auth.AuthenticatedRequest,
        typeof FastifyReply === "undefined" ? Object : FastifyReply
    ]),
    _ts_metadata("design:returntype", Promise)
], PlaceBookingHttpController.prototype, "place", null);
PlaceBookingHttpController = _ts_decorate([
    (0, _common.Controller)('api/bookings'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.CommandBus === "undefined" ? Object : _cqrs.CommandBus,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock,
        typeof _clock.IdGenerator === "undefined" ? Object : _clock.IdGenerator,
        typeof _bookingrequestsettler.BookingRequestSettler === "undefined" ? Object : _bookingrequestsettler.BookingRequestSettler
    ])
], PlaceBookingHttpController);

//# sourceMappingURL=place-booking.http.controller.js.map