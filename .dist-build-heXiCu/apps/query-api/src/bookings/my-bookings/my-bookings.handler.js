"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "MyBookingsHandler", {
    enumerable: true,
    get: function() {
        return MyBookingsHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _readstoreport = require("../../../../../libs/platform/src/read-store/read-store.port");
const _ticketcodes = require("../../../../../libs/platform/src/security/ticket-codes");
const _readmodels = require("../../../../../libs/read-models/src");
const _bookingview = require("../booking-view");
const _mybookingsquery = require("./my-bookings.query");
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
let MyBookingsHandler = class MyBookingsHandler {
    constructor(reads, codes){
        this.reads = reads;
        this.codes = codes;
    }
    async execute({ userId }) {
        const list = await this.reads.collection((0, _readmodels.collectionName)(_readmodels.bookingsDescriptor, _readmodels.USER_BOOKINGS)).findOne({
            _id: userId
        }, {
            readOnly: true
        });
        const ids = Object.keys(list?.bookingIds ?? {});
        const found = ids.length === 0 ? [] : await this.reads.collection((0, _readmodels.collectionName)(_readmodels.bookingsDescriptor, _readmodels.BOOKINGS)).find({
            _id: {
                $in: ids
            }
        }, {
            readOnly: true
        });
        const bookings = found.filter((booking)=>booking.userId === userId).sort((a, b)=>b.placedAt.localeCompare(a.placedAt) || a.bookingId.localeCompare(b.bookingId));
        const owned = await (0, _bookingview.ticketsOwnedBy)(this.reads, userId, (0, _bookingview.ticketIdsOf)(bookings));
        return {
            items: bookings.map((booking)=>(0, _bookingview.bookingViewOf)(booking, owned, this.codes))
        };
    }
};
MyBookingsHandler = _ts_decorate([
    (0, _cqrs.QueryHandler)(_mybookingsquery.MyBookingsQuery),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore,
        typeof _ticketcodes.TicketCodes === "undefined" ? Object : _ticketcodes.TicketCodes
    ])
], MyBookingsHandler);

//# sourceMappingURL=my-bookings.handler.js.map