"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get BookingPlacement () {
        return BookingPlacement;
    },
    get SeatsBeingBooked () {
        return SeatsBeingBooked;
    }
});
const _common = require("@nestjs/common");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _platformmodule = require("../../../../../libs/platform/src/platform.module");
const _seatlocksport = require("../../../../../libs/platform/src/seat-locks/seat-locks.port");
const _admissioncheck = require("../../waiting-room/admission-check");
const _waitingrooms = require("../../waiting-room/waiting-rooms");
const _bookingprobe = require("../booking-probe");
const _boxofficestreams = require("../box-office-streams");
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
let SeatsBeingBooked = class SeatsBeingBooked extends Error {
    constructor(seats){
        super(`being booked by someone else: ${seats.join(', ')}`), this.seats = seats;
        this.name = 'SeatsBeingBooked';
    }
};
/** Reads of a contended voucher before giving up with a retryable 409: enough for every use of a hot code to be taken. */ const VOUCHER_ATTEMPTS = 100;
let BookingPlacement = class BookingPlacement {
    constructor(store, locks, config, probe, rooms){
        this.store = store;
        this.locks = locks;
        this.config = config;
        this.probe = probe;
        this.rooms = rooms;
        this.logger = new _common.Logger('BookingPlacement');
    }
    /**
   * Holds the seats of `command` for its booking, read beforehand as `booking`. Throws
   * `SeatsBeingBooked` while a seat is locked, and the decider's `DomainError` when it refuses.
   */ async place(command, booking, context, /**
     * `admission`: the waiting room's token, checked with the placement (undefined where it was
     * checked when the booking was requested, or for the waiting list's own offers);
     * `alongside`: streams decided in the same append (the waiting list's offer).
     */ { admission, alongside } = {}) {
        const { bookingId, showId, seatIds } = command.data;
        const seatByLockKey = new Map(seatIds.map((seatId)=>[
                (0, _seatlocksport.seatLockKey)(showId, seatId),
                seatId
            ]));
        const attempt = await this.locks.acquire([
            ...seatByLockKey.keys()
        ], this.config.SEAT_LOCK_TTL_MS);
        if (!attempt.acquired) throw new SeatsBeingBooked(attempt.heldByAnother.map((key)=>seatByLockKey.get(key) ?? key));
        try {
            await this.probe.reached('place-booking:after-lock');
            // Under the seat locks a seat or booking conflict is final (told apart below). A conflict on
            // the voucher's stream (another booking took a use meanwhile) or on the buyer's (the same
            // account booked meanwhile) alone: read again and decide again (the next read may find the
            // voucher exhausted or the limit reached), a bounded number of times.
            for(let round = 1;; round += 1){
                try {
                    return await this.placeOnce(command, booking, context, admission, alongside);
                } catch (error) {
                    if (!(error instanceof _eventstoreport.WrongExpectedRevisionError)) throw error;
                    if (error.conflicts.some((conflict)=>conflict.stream === (0, _contracts.bookingStream)(bookingId))) return {
                        outcome: 'written_meanwhile'
                    };
                    const moved = error.conflicts.map((conflict)=>(0, _boxofficestreams.seatIdOfStream)(showId, conflict.stream)).filter((seat)=>!!seat);
                    if (moved.length > 0) throw new _domain.DomainError('SEATS_UNAVAILABLE', `taken meanwhile: ${moved.join(', ')}`, {
                        seats: moved
                    });
                    if (round >= VOUCHER_ATTEMPTS) {
                        throw new _domain.DomainError('CONCURRENCY_CONFLICT', 'the voucher or this account’s other bookings for the show are changing too fast; try again', {});
                    }
                }
            }
        } finally{
            // After a long stall the lock may be someone else's by now; release leaves theirs alone.
            await attempt.lock.release().catch((error)=>this.logger.warn({
                    err: error
                }, 'could not release seat locks'));
        }
    }
    /** One read, decide and atomic append (booking, seats, and the voucher's stream when one is named). */ placeOnce(command, booking, context, admission, alongside) {
        const { bookingId, userId, showId, seatIds, voucherCode } = command.data;
        return (0, _handlecommand.handleCommand)(this.store, {
            context,
            attempts: 1,
            read: async (streams)=>{
                streams.readBefore((0, _contracts.bookingStream)(bookingId), booking.revision);
                const [show, seats, voucher, room, also] = await Promise.all([
                    (0, _boxofficestreams.readShow)(streams, showId),
                    (0, _boxofficestreams.readSeats)(streams, showId, seatIds),
                    voucherCode === undefined ? undefined : (0, _boxofficestreams.readVoucher)(streams, showId, voucherCode),
                    admission === undefined ? undefined : (0, _admissioncheck.readAdmission)(streams, this.rooms, {
                        showId,
                        userId,
                        bookingId
                    }, admission),
                    alongside?.read(streams)
                ]);
                const limited = show.state.status !== 'none' && (show.state.maxSeatsHeldPerUser !== undefined || show.state.maxTicketsPerUser !== undefined);
                const earlierBookings = limited ? await (0, _boxofficestreams.readEarlierBookings)(streams, showId, userId) : [];
                return {
                    show: show.state,
                    seats,
                    voucher: voucher?.state,
                    earlierBookings,
                    room,
                    also
                };
            },
            decide: ({ show, seats, voucher, earlierBookings, room, also })=>{
                const admitted = room === undefined ? {} : (0, _admissioncheck.admissionEvents)(room, {
                    showId,
                    userId,
                    bookingId,
                    now: context.now
                });
                const decision = (0, _domain.decidePlaceBooking)({
                    booking: booking.state,
                    show,
                    seats,
                    voucher,
                    earlierBookings,
                    command
                });
                const [placed] = decision.booking;
                if (placed.type !== 'booking.placed.v1') throw new Error(`unexpected ${placed.type}`);
                return {
                    append: {
                        ...(0, _boxofficestreams.streamsOf)(decision, {
                            showId,
                            bookingId
                        }),
                        ...admitted,
                        ...alongside ? alongside.decide(also, placed.data) : {}
                    },
                    before: ()=>this.probe.reached('place-booking:before-append'),
                    answer: async (appended)=>{
                        await this.probe.reached('place-booking:after-append');
                        return {
                            outcome: 'placed',
                            placed: placed.data,
                            position: appended.position
                        };
                    }
                };
            }
        });
    }
};
BookingPlacement = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(2, (0, _platformmodule.InjectConfig)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _seatlocksport.SeatLocks === "undefined" ? Object : _seatlocksport.SeatLocks,
        typeof TesseraConfig === "undefined" ? Object : TesseraConfig,
        typeof _bookingprobe.BookingProbe === "undefined" ? Object : _bookingprobe.BookingProbe,
        typeof _waitingrooms.WaitingRooms === "undefined" ? Object : _waitingrooms.WaitingRooms
    ])
], BookingPlacement);

//# sourceMappingURL=booking-placement.js.map