"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ExpireBookingHandler", {
    enumerable: true,
    get: function() {
        return ExpireBookingHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _domain = require("../../../../../libs/domain/src");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _boxofficestreams = require("../box-office-streams");
const _expirebookingcommand = require("./expire-booking.command");
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
let ExpireBookingHandler = class ExpireBookingHandler {
    constructor(store){
        this.store = store;
    }
    execute({ bookingId, now }) {
        const context = {
            actorId: 'system:hold-expiry',
            correlationId: bookingId,
            causationId: `expire:${bookingId}`,
            now
        };
        return (0, _handlecommand.handleCommand)(this.store, {
            context,
            read: async (streams)=>{
                const { state: booking } = await (0, _boxofficestreams.readBooking)(streams, bookingId);
                if (booking.status !== 'held') return {
                    booking,
                    seats: {},
                    voucher: undefined
                };
                const [seats, voucher] = await Promise.all([
                    (0, _boxofficestreams.readSeats)(streams, booking.showId, _domain.Booking.seatIdsOf(booking)),
                    booking.discount ? (0, _boxofficestreams.readVoucher)(streams, booking.showId, booking.discount.code) : undefined
                ]);
                return {
                    booking,
                    seats,
                    voucher: voucher?.state
                };
            },
            decide: ({ booking, seats, voucher })=>{
                if (booking.status !== 'held') return {
                    answer: {
                        expired: false
                    }
                };
                const command = {
                    type: 'ExpireBooking',
                    data: {
                        bookingId
                    },
                    metadata: {
                        now: now.toISOString()
                    }
                };
                const decision = (0, _domain.decideExpireBooking)({
                    booking,
                    seats,
                    voucher,
                    command
                });
                if (decision.booking.length === 0) return {
                    answer: {
                        expired: false
                    }
                };
                return {
                    append: (0, _boxofficestreams.streamsOf)(decision, {
                        showId: booking.showId,
                        bookingId
                    }),
                    answer: ({ position })=>({
                            expired: true,
                            position: String(position)
                        })
                };
            }
        });
    }
};
ExpireBookingHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_expirebookingcommand.ExpireBookingCommand),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore
    ])
], ExpireBookingHandler);

//# sourceMappingURL=expire-booking.handler.js.map