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
    get HOLD_EXPIRY_CHECKPOINT () {
        return HOLD_EXPIRY_CHECKPOINT;
    },
    get HoldExpirySweeper () {
        return HoldExpirySweeper;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _platformmodule = require("../../../../../libs/platform/src/platform.module");
const _subscriptions = require("../../../../../libs/platform/src/subscriptions/subscriptions");
const _clock = require("../../../../../libs/platform/src/time/clock");
const _bookingschedule = require("../booking-schedule");
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
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
const HOLD_EXPIRY_CHECKPOINT = 'command-api.hold-expiry';
let HoldExpirySweeper = class HoldExpirySweeper extends _bookingschedule.BookingSchedule {
    constructor(subscriptions, commands, clock, config){
        super(new _common.Logger('HoldExpirySweeper'), {
            checkpoint: HOLD_EXPIRY_CHECKPOINT,
            filter: {
                streamPrefixes: [
                    _contracts.BOX_OFFICE_STREAM_PREFIXES.booking
                ]
            },
            sweepIntervalMs: config.SWEEP_INTERVAL_MS
        }, subscriptions, clock), this.commands = commands;
    }
    track(event, recorded) {
        switch(event.type){
            case 'booking.placed.v1':
                this.add(event.data.bookingId, {
                    expiresAt: Date.parse(event.data.expiresAt),
                    position: recorded.position
                });
                break;
            case 'booking.confirmed.v1':
            case 'booking.expired.v1':
            case 'booking.cancelled.v1':
            case 'booking.refunded.v1':
            case 'booking.rejected.v1':
                this.remove(event.data.bookingId);
                break;
            default:
                break;
        }
    }
    dueAt(entry) {
        return entry.expiresAt;
    }
    async work(bookingId, now) {
        await this.commands.execute(new _expirebookingcommand.ExpireBookingCommand(bookingId, now));
    }
    workFailed(bookingId, error) {
        this.logger.warn({
            err: error,
            bookingId
        }, 'could not expire a hold; will try again');
    }
};
HoldExpirySweeper = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(3, (0, _platformmodule.InjectConfig)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _subscriptions.Subscriptions === "undefined" ? Object : _subscriptions.Subscriptions,
        typeof _cqrs.CommandBus === "undefined" ? Object : _cqrs.CommandBus,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock,
        typeof TesseraConfig === "undefined" ? Object : TesseraConfig
    ])
], HoldExpirySweeper);

//# sourceMappingURL=hold-expiry-sweeper.js.map