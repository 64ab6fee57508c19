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
    get BOOKINGS_BY_SHOW () {
        return BOOKINGS_BY_SHOW;
    },
    get CANCELLED_SHOWS () {
        return CANCELLED_SHOWS;
    },
    get SHOW_CANCELLATION_CHECKPOINT () {
        return SHOW_CANCELLATION_CHECKPOINT;
    },
    get ShowCancellationReaction () {
        return ShowCancellationReaction;
    }
});
const _common = require("@nestjs/common");
const _eventstoreport = require("../../../../libs/platform/src/event-store/event-store.port");
const _paymentproviderport = require("../../../../libs/platform/src/payments/payment-provider.port");
const _readstoreport = require("../../../../libs/platform/src/read-store/read-store.port");
const _subscriptions = require("../../../../libs/platform/src/subscriptions/subscriptions");
const _clock = require("../../../../libs/platform/src/time/clock");
const _undobooking = require("./undo-booking");
const _logreaction = require("../reactions/log-reaction");
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
const SHOW_CANCELLATION_CHECKPOINT = 'show-cancellation';
const BOOKINGS_BY_SHOW = 'show-cancellation.bookings';
const CANCELLED_SHOWS = 'show-cancellation.cancelled-shows';
const EVENT_TYPES = [
    'booking.placed.v1',
    'show.cancelled.v1'
];
let ShowCancellationReaction = class ShowCancellationReaction extends _logreaction.LogReaction {
    constructor(subscriptions, events, reads, payments, clock){
        super(subscriptions, SHOW_CANCELLATION_CHECKPOINT, EVENT_TYPES), this.events = events, this.reads = reads, this.payments = payments, this.clock = clock, this.logger = new _common.Logger('ShowCancellation');
    }
    async handle(event) {
        const bookings = this.reads.collection(BOOKINGS_BY_SHOW);
        const cancelledShows = this.reads.collection(CANCELLED_SHOWS);
        if (event.type === 'booking.placed.v1') {
            const { bookingId, showId } = event.data;
            // A whole-document replace: the same on a replay, and no update operators to interpret.
            await bookings.replaceOne({
                _id: bookingId
            }, {
                _id: bookingId,
                showId
            }, {
                upsert: true
            });
            const cancelled = await cancelledShows.findOne({
                _id: showId
            });
            if (cancelled) await this.undo(bookingId, cancelled);
            return;
        }
        if (event.type === 'show.cancelled.v1') {
            const { showId } = event.data;
            const cancelled = {
                _id: showId,
                eventId: event.id,
                correlationId: event.metadata.correlationId
            };
            await cancelledShows.replaceOne({
                _id: showId
            }, cancelled, {
                upsert: true
            });
            const ofShow = await bookings.find({
                showId
            }, {
                sort: {
                    _id: 1
                }
            });
            for (const { _id: bookingId } of ofShow)await this.undo(bookingId, cancelled);
            this.logger.log(`show ${showId} cancelled: ${ofShow.length} booking(s) undone`);
        }
    }
    /**
   * The cancellation event is the cause of everything undone for it, also on another instance
   * or on a replay: the event ids derived from it are the same, and the log takes a re-append of
   * the same ids at the same revision as the one it already has.
   */ async undo(bookingId, show) {
        const context = {
            actorId: 'system:show-cancellation',
            correlationId: show.correlationId,
            causationId: show.eventId,
            now: this.clock.now()
        };
        await (0, _undobooking.undoBookingOfCancelledShow)({
            events: this.events,
            payments: this.payments
        }, bookingId, context);
    }
};
ShowCancellationReaction = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _subscriptions.Subscriptions === "undefined" ? Object : _subscriptions.Subscriptions,
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore,
        typeof _paymentproviderport.PaymentProvider === "undefined" ? Object : _paymentproviderport.PaymentProvider,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock
    ])
], ShowCancellationReaction);

//# sourceMappingURL=show-cancellation.reaction.js.map