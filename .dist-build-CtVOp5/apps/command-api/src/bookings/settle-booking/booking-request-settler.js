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
    get BOOKING_REQUESTS_CHECKPOINT () {
        return BOOKING_REQUESTS_CHECKPOINT;
    },
    get BookingRequestSettler () {
        return BookingRequestSettler;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _platformmodule = require("../../../../../libs/platform/src/platform.module");
const _subscriptions = require("../../../../../libs/platform/src/subscriptions/subscriptions");
const _clock = require("../../../../../libs/platform/src/time/clock");
const _bookingprobe = require("../booking-probe");
const _bookingschedule = require("../booking-schedule");
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
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
const BOOKING_REQUESTS_CHECKPOINT = 'command-api.booking-requests';
const EVENT_TYPES = [
    'booking.requested.v1',
    'booking.placed.v1',
    'booking.rejected.v1'
];
let BookingRequestSettler = class BookingRequestSettler extends _bookingschedule.BookingSchedule {
    constructor(subscriptions, commands, clock, probe, config){
        super(new _common.Logger('BookingRequestSettler'), {
            checkpoint: BOOKING_REQUESTS_CHECKPOINT,
            filter: {
                eventTypes: EVENT_TYPES
            },
            sweepIntervalMs: config.SWEEP_INTERVAL_MS
        }, subscriptions, clock), this.commands = commands, this.probe = probe, this.config = config, this.fastPaths = new Set();
    }
    /** Shutting down waits for the settlements under way, so none is cut off halfway by the stores closing. */ async onModuleDestroy() {
        await super.onModuleDestroy();
        await Promise.allSettled([
            ...this.fastPaths
        ]);
    }
    /** The fast path: settle this request now, in this process, without waiting for a pass. */ settleNow(bookingId) {
        const settling = this.settleAtOnce(bookingId).finally(()=>this.fastPaths.delete(settling));
        this.fastPaths.add(settling);
    }
    track(event, recorded) {
        switch(event.type){
            case 'booking.requested.v1':
                this.add(event.data.bookingId, {
                    requestedAt: Date.parse(recorded.metadata.occurredAt),
                    position: recorded.position
                });
                break;
            case 'booking.placed.v1':
            case 'booking.rejected.v1':
                this.remove(event.data.bookingId);
                break;
            default:
                break;
        }
    }
    /** A request still waiting after a seat lock's TTL has lost its fast path (the process died or gave up). */ dueAt(request) {
        return request.requestedAt + this.config.SEAT_LOCK_TTL_MS;
    }
    async work(bookingId) {
        await this.commands.execute(new _settlebookingcommand.SettleBookingCommand(bookingId));
    }
    workFailed(bookingId, error) {
        // A seat lock held by someone else is expected under contention; anything else is worth a look.
        if (error instanceof _bookingplacement.SeatsBeingBooked) this.logger.debug(`booking ${bookingId}: ${error.message}; will try again`);
        else this.logger.warn({
            err: error,
            bookingId
        }, 'could not settle a requested booking; will try again');
    }
    async settleAtOnce(bookingId) {
        try {
            await this.probe.reached('place-booking:accepted');
            await this.commands.execute(new _settlebookingcommand.SettleBookingCommand(bookingId));
        } catch (error) {
            this.logger.warn({
                err: error,
                bookingId
            }, 'could not settle the booking at once; the settler will');
        }
    }
};
BookingRequestSettler = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(4, (0, _platformmodule.InjectConfig)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _subscriptions.Subscriptions === "undefined" ? Object : _subscriptions.Subscriptions,
        typeof _cqrs.CommandBus === "undefined" ? Object : _cqrs.CommandBus,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock,
        typeof _bookingprobe.BookingProbe === "undefined" ? Object : _bookingprobe.BookingProbe,
        typeof TesseraConfig === "undefined" ? Object : TesseraConfig
    ])
], BookingRequestSettler);

//# sourceMappingURL=booking-request-settler.js.map