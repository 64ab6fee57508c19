"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "BookingsModule", {
    enumerable: true,
    get: function() {
        return BookingsModule;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _paymentproviderport = require("../../../../libs/platform/src/payments/payment-provider.port");
const _simulatedpaymentprovider = require("../../../../libs/platform/src/payments/simulated-payment-provider");
const _clock = require("../../../../libs/platform/src/time/clock");
const _bookingprobe = require("./booking-probe");
const _cancelbookinghandler = require("./cancel-booking/cancel-booking.handler");
const _cancelbookinghttpcontroller = require("./cancel-booking/cancel-booking.http.controller");
const _expirebookinghandler = require("./expire-holds/expire-booking.handler");
const _holdexpirysweeper = require("./expire-holds/hold-expiry-sweeper");
const _paybookinghandler = require("./pay-booking/pay-booking.handler");
const _paybookinghttpcontroller = require("./pay-booking/pay-booking.http.controller");
const _bookingplacement = require("./place-booking/booking-placement");
const _placebookinghandler = require("./place-booking/place-booking.handler");
const _placebookinghttpcontroller = require("./place-booking/place-booking.http.controller");
const _bookingrequestsettler = require("./settle-booking/booking-request-settler");
const _settlebookinghandler = require("./settle-booking/settle-booking.handler");
const _waitingroommodule = require("../waiting-room/waiting-room.module");
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
let BookingsModule = class BookingsModule {
};
BookingsModule = _ts_decorate([
    (0, _common.Module)({
        imports: [
            _cqrs.CqrsModule,
            _waitingroommodule.WaitingRoomModule
        ],
        controllers: [
            _placebookinghttpcontroller.PlaceBookingHttpController,
            _paybookinghttpcontroller.PayBookingHttpController,
            _cancelbookinghttpcontroller.CancelBookingHttpController
        ],
        providers: [
            {
                provide: _paymentproviderport.PaymentProvider,
                useFactory: (clock)=>new _simulatedpaymentprovider.SimulatedPaymentProvider(clock),
                inject: [
                    _clock.Clock
                ]
            },
            _bookingprobe.BookingProbe,
            _bookingplacement.BookingPlacement,
            _placebookinghandler.PlaceBookingHandler,
            _settlebookinghandler.SettleBookingHandler,
            _bookingrequestsettler.BookingRequestSettler,
            _paybookinghandler.PayBookingHandler,
            _cancelbookinghandler.CancelBookingHandler,
            _expirebookinghandler.ExpireBookingHandler,
            _holdexpirysweeper.HoldExpirySweeper
        ],
        exports: [
            _paymentproviderport.PaymentProvider,
            _bookingplacement.BookingPlacement
        ]
    })
], BookingsModule);

//# sourceMappingURL=bookings.module.js.map