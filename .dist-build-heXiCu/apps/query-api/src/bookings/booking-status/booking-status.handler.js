"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "BookingStatusHandler", {
    enumerable: true,
    get: function() {
        return BookingStatusHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _domain = require("../../../../../libs/domain/src");
const _readstoreport = require("../../../../../libs/platform/src/read-store/read-store.port");
const _ticketcodes = require("../../../../../libs/platform/src/security/ticket-codes");
const _readmodels = require("../../../../../libs/read-models/src");
const _bookingview = require("../booking-view");
const _bookingstatusquery = require("./booking-status.query");
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
let BookingStatusHandler = class BookingStatusHandler {
    constructor(reads, codes){
        this.reads = reads;
        this.codes = codes;
    }
    async execute({ bookingId, userId }) {
        const booking = await this.reads.collection((0, _readmodels.collectionName)(_readmodels.bookingsDescriptor, _readmodels.BOOKINGS)).findOne({
            _id: bookingId
        }, {
            readOnly: true
        });
        if (!booking || booking.userId !== userId) {
            throw new _domain.DomainError('BOOKING_NOT_FOUND', `booking ${bookingId} does not exist`, {
                bookingId
            });
        }
        return (0, _bookingview.bookingViewOf)(booking, await (0, _bookingview.ticketsOwnedBy)(this.reads, userId, (0, _bookingview.ticketIdsOf)([
            booking
        ])), this.codes);
    }
};
BookingStatusHandler = _ts_decorate([
    (0, _cqrs.QueryHandler)(_bookingstatusquery.BookingStatusQuery),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore,
        typeof _ticketcodes.TicketCodes === "undefined" ? Object : _ticketcodes.TicketCodes
    ])
], BookingStatusHandler);

//# sourceMappingURL=booking-status.handler.js.map