"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CancelBookingHandler", {
    enumerable: true,
    get: function() {
        return CancelBookingHandler;
    }
});
const _promises = require("node:timers/promises");
const _cqrs = require("@nestjs/cqrs");
const _domain = require("../../../../../libs/domain/src");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _paymentproviderport = require("../../../../../libs/platform/src/payments/payment-provider.port");
const _clock = require("../../../../../libs/platform/src/time/clock");
const _boxofficestreams = require("../box-office-streams");
const _bookingcancellation = require("./booking-cancellation");
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
/** How long a cancel waits for a charging payment attempt to end before answering 409. */ const PAYMENT_WAIT_MS = 5_000;
const PAYMENT_POLL_MS = 10;
let CancelBookingHandler = class CancelBookingHandler {
    constructor(store, payments, clock){
        this.store = store;
        this.payments = payments;
        this.clock = clock;
    }
    execute({ bookingId, userId, context }) {
        return (0, _handlecommand.handleCommand)(this.store, {
            context,
            read: async (streams)=>{
                const loaded = await this.readWhenNoChargeInFlight(streams, bookingId, userId);
                const read = await (0, _bookingcancellation.readCancellation)(streams, (0, _boxofficestreams.ownBooking)(loaded.state, bookingId, userId));
                // Waiting took time: the decision and its events are of the moment they are made.
                return {
                    ...read,
                    last: loaded.events[loaded.events.length - 1],
                    now: this.clock.now()
                };
            },
            decide: (read)=>{
                const { booking, last } = read;
                // The same request again after it went through: the same answer.
                if ((booking.status === 'cancelled' || booking.status === 'refunded') && last.metadata.causationId === context.causationId) {
                    return {
                        answer: {
                            bookingId,
                            status: booking.status,
                            position: String(last.position)
                        }
                    };
                }
                return (0, _bookingcancellation.decideCancellation)(this.payments, read, {
                    bookingId,
                    reason: 'customer_cancelled',
                    context: {
                        ...context,
                        now: read.now
                    }
                }, {
                    undone: (status, position)=>({
                            bookingId,
                            status,
                            position: String(position)
                        }),
                    // The decider refuses a customer's cancel of a booking that has nothing left to undo.
                    nothing: ()=>{
                        throw new Error(`a customer's cancel of ${bookingId} decided nothing`);
                    }
                });
            }
        });
    }
    /**
   * The booking once no payment attempt is charging it, or as it is when the wait runs out (the
   * decider then refuses with INVALID_BOOKING_STATE, paymentInProgress). Someone else's booking
   * is refused at once, without waiting.
   */ async readWhenNoChargeInFlight(streams, bookingId, userId) {
        const deadline = performance.now() + PAYMENT_WAIT_MS;
        for(;;){
            const loaded = await (0, _boxofficestreams.readBooking)(streams, bookingId);
            (0, _boxofficestreams.ownBooking)(loaded.state, bookingId, userId);
            if (!_domain.Booking.paymentInProgress(loaded.state, this.clock.now().toISOString()) || performance.now() >= deadline) return loaded;
            await (0, _promises.setTimeout)(PAYMENT_POLL_MS);
        }
    }
};
CancelBookingHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_cancelbookingcommand.CancelBookingCommand),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _paymentproviderport.PaymentProvider === "undefined" ? Object : _paymentproviderport.PaymentProvider,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock
    ])
], CancelBookingHandler);

//# sourceMappingURL=cancel-booking.handler.js.map