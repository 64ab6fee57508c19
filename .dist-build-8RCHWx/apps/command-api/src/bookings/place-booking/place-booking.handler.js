"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "PlaceBookingHandler", {
    enumerable: true,
    get: function() {
        return PlaceBookingHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _admissiontokens = require("../../../../../libs/platform/src/security/admission-tokens");
const _admissioncheck = require("../../waiting-room/admission-check");
const _waitingrooms = require("../../waiting-room/waiting-rooms");
const _boxofficestreams = require("../box-office-streams");
const _bookingplacement = require("./booking-placement");
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
let PlaceBookingHandler = class PlaceBookingHandler {
    constructor(store, placement, rooms, tokens){
        this.store = store;
        this.placement = placement;
        this.rooms = rooms;
        this.tokens = tokens;
    }
    execute(command) {
        return command.respondAsync ? this.request(command) : this.place(command);
    }
    async place(command) {
        const { bookingId, seatIds, context } = command;
        const existing = await (0, _boxofficestreams.readBooking)(new _handlecommand.StreamReads(this.store), bookingId);
        if (existing.state.status !== 'none') return this.answerFromLog(command);
        try {
            const result = await this.placement.place(this.placeBookingOf(command), existing, context, {
                claims: this.tokens.verify(command.admissionToken)
            });
            // The same request running twice at once: the other run wrote the booking.
            if (result.outcome === 'written_meanwhile') return this.answerFromLog(command);
            const { showId, expiresAt, amount, currency, discount } = result.placed;
            return {
                bookingId,
                status: 'held',
                showId,
                seats: seatIds,
                expiresAt,
                amount,
                currency,
                ...discount ? {
                    discount
                } : {},
                position: String(result.position)
            };
        } catch (error) {
            // The lock's job is latency: a seat someone is booking right now is refused at once.
            if (error instanceof _bookingplacement.SeatsBeingBooked) throw new _domain.DomainError('SEATS_UNAVAILABLE', error.message, {
                seats: error.seats
            });
            throw error;
        }
    }
    /** Write the request down before answering 202: from then on it is settled even if this process dies. */ request(command) {
        const { bookingId, userId, showId, seatIds, voucherCode, context } = command;
        return (0, _handlecommand.handleCommand)(this.store, {
            context,
            // The waiting room admits the request here; its settlement later holds the seats without asking again.
            read: async (streams)=>{
                const [existing, admission] = await Promise.all([
                    (0, _boxofficestreams.readBooking)(streams, bookingId),
                    (0, _admissioncheck.readAdmission)(streams, this.rooms, {
                        showId,
                        userId,
                        bookingId
                    }, {
                        claims: this.tokens.verify(command.admissionToken)
                    })
                ]);
                return {
                    existing,
                    admission
                };
            },
            decide: ({ existing, admission })=>{
                if (existing.state.status === 'none') (0, _admissioncheck.admissionEvents)(admission, {
                    showId,
                    userId,
                    bookingId,
                    now: context.now
                });
                const data = {
                    bookingId,
                    userId,
                    showId,
                    seatIds,
                    ...voucherCode === undefined ? {} : {
                        voucherCode
                    }
                };
                const events = _domain.Booking.decide({
                    type: 'RequestBooking',
                    data
                }, existing.state);
                // A retry: the request is in the log already (and may be settled by now); the first answer again.
                if (events.length === 0) return {
                    answer: this.pendingFromLog(bookingId, existing)
                };
                return {
                    append: {
                        [(0, _contracts.bookingStream)(bookingId)]: events
                    },
                    answer: ({ position })=>({
                            bookingId,
                            status: 'pending',
                            position: String(position)
                        })
                };
            }
        });
    }
    pendingFromLog(bookingId, { events }) {
        const requested = events.find((event)=>event.type === 'booking.requested.v1') ?? events[events.length - 1];
        return {
            bookingId,
            status: 'pending',
            position: String(requested.position)
        };
    }
    /** The booking this request already made: the same answer, or the same refusal. */ async answerFromLog(command) {
        const { bookingId, userId } = command;
        const { state, events } = await (0, _boxofficestreams.readBooking)(new _handlecommand.StreamReads(this.store), bookingId);
        if (state.status === 'none' || state.status === 'requested' || state.userId !== userId) {
            throw new _domain.DomainError('CONCURRENCY_CONFLICT', `booking ${bookingId} is being written; try again`, {});
        }
        if (state.status === 'rejected') {
            throw new _domain.DomainError(state.code, `the booking was refused: ${state.code}`, {
                seats: state.unavailableSeats
            });
        }
        const placed = events.find((event)=>event.type === 'booking.placed.v1');
        return {
            bookingId,
            // A replay tells the booking as it is now (it may have been paid or have expired since).
            status: state.status,
            showId: state.showId,
            seats: _domain.Booking.seatIdsOf(state),
            expiresAt: state.expiresAt,
            amount: state.amount,
            currency: state.currency,
            ...state.discount ? {
                discount: state.discount
            } : {},
            position: String(placed ? await (0, _boxofficestreams.positionOfAppend)(this.store, _domain.Booking.seatIdsOf(state).map((seatId)=>(0, _contracts.seatStream)(state.showId, seatId)), placed) : events[events.length - 1].position)
        };
    }
    placeBookingOf({ bookingId, userId, showId, seatIds, voucherCode, context }) {
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
};
PlaceBookingHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_placebookingcommand.PlaceBookingCommand),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _bookingplacement.BookingPlacement === "undefined" ? Object : _bookingplacement.BookingPlacement,
        typeof _waitingrooms.WaitingRooms === "undefined" ? Object : _waitingrooms.WaitingRooms,
        typeof _admissiontokens.AdmissionTokens === "undefined" ? Object : _admissiontokens.AdmissionTokens
    ])
], PlaceBookingHandler);

//# sourceMappingURL=place-booking.handler.js.map