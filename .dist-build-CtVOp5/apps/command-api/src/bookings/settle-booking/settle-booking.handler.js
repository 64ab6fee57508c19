"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "SettleBookingHandler", {
    enumerable: true,
    get: function() {
        return SettleBookingHandler;
    }
});
const _promises = require("node:timers/promises");
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _clock = require("../../../../../libs/platform/src/time/clock");
const _boxofficestreams = require("../box-office-streams");
const _bookingplacement = require("../place-booking/booking-placement");
const _settlebookingcommand = require("./settle-booking.command");
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
/**
 * A seat lock covers one command, a few milliseconds: worth a short wait before leaving the
 * request to the settler's next round. A lock is never a refusal here: it may be this very
 * request being settled by its other run, and that run must not be overtaken by a rejection.
 */ const LOCK_ATTEMPTS = 4;
const LOCK_RETRY_MS = 25;
let SettleBookingHandler = class SettleBookingHandler {
    constructor(store, placement, clock){
        this.store = store;
        this.placement = placement;
        this.clock = clock;
    }
    async execute({ bookingId }) {
        for(let attempt = 1;; attempt++){
            const booking = await (0, _boxofficestreams.readBooking)(new _handlecommand.StreamReads(this.store), bookingId);
            if (booking.state.status !== 'requested') return {
                outcome: 'already_settled'
            };
            const request = booking.state;
            const context = this.contextOf(booking.events, this.clock.now());
            const command = this.placeBookingOf(request, context);
            try {
                const result = await this.placement.place(command, booking, context);
                return result.outcome === 'placed' ? {
                    outcome: 'placed',
                    position: String(result.position)
                } : {
                    outcome: 'already_settled'
                };
            } catch (error) {
                if (error instanceof _bookingplacement.SeatsBeingBooked && attempt < LOCK_ATTEMPTS) {
                    await (0, _promises.setTimeout)(LOCK_RETRY_MS * attempt + Math.floor(Math.random() * LOCK_RETRY_MS));
                    continue;
                }
                if (!(error instanceof _domain.DomainError)) throw error;
                return this.reject(command, error, context);
            }
        }
    }
    /**
   * The settlement belongs to the request: same actor and correlation id, caused by the request
   * event (so its event ids are the same whichever run appends them), at the time it happens.
   */ contextOf(events, now) {
        const requested = events.find((event)=>event.type === 'booking.requested.v1');
        if (!requested) throw new Error('a requested booking without its booking.requested.v1');
        const { actorId, correlationId } = requested.metadata;
        return {
            actorId,
            correlationId,
            causationId: requested.id,
            now
        };
    }
    placeBookingOf({ bookingId, userId, showId, seatIds, voucherCode }, context) {
        const data = {
            bookingId,
            userId,
            showId,
            seatIds,
            ...voucherCode === undefined ? {} : {
                voucherCode
            }
        };
        return {
            type: 'PlaceBooking',
            data,
            metadata: {
                now: context.now.toISOString()
            }
        };
    }
    async reject(command, refusal, context) {
        const { bookingId } = command.data;
        try {
            return await (0, _handlecommand.handleCommand)(this.store, {
                // Its own event id (not the one a placement by the other run has): that run's placement
                // must refuse this append, not take it for an idempotent repeat of itself.
                context: {
                    ...context,
                    causationId: `reject:${context.causationId}`
                },
                // A conflict is the other run of the same request placing or rejecting it: not retried.
                attempts: 1,
                read: async (streams)=>(await (0, _boxofficestreams.readBooking)(streams, bookingId)).state,
                decide: (booking)=>{
                    const events = _domain.Booking.decide((0, _domain.rejectionOf)(command, refusal), booking);
                    if (events.length === 0) return {
                        answer: {
                            outcome: 'already_settled'
                        }
                    };
                    return {
                        append: {
                            [(0, _contracts.bookingStream)(bookingId)]: events
                        },
                        answer: ({ position })=>({
                                outcome: 'rejected',
                                position: String(position)
                            })
                    };
                }
            });
        } catch (error) {
            // Placed or rejected by the other run of the same request: it has its ending already.
            if (!(error instanceof _eventstoreport.WrongExpectedRevisionError)) throw error;
            return {
                outcome: 'already_settled'
            };
        }
    }
};
SettleBookingHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_settlebookingcommand.SettleBookingCommand),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _bookingplacement.BookingPlacement === "undefined" ? Object : _bookingplacement.BookingPlacement,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock
    ])
], SettleBookingHandler);

//# sourceMappingURL=settle-booking.handler.js.map