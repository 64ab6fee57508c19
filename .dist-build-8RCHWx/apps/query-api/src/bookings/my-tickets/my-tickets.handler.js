"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "MyTicketsHandler", {
    enumerable: true,
    get: function() {
        return MyTicketsHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _readstoreport = require("../../../../../libs/platform/src/read-store/read-store.port");
const _ticketcodes = require("../../../../../libs/platform/src/security/ticket-codes");
const _readmodels = require("../../../../../libs/read-models/src");
const _bookingview = require("../booking-view");
const _myticketsquery = require("./my-tickets.query");
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
let MyTicketsHandler = class MyTicketsHandler {
    constructor(reads, codes){
        this.reads = reads;
        this.codes = codes;
    }
    async execute({ userId }) {
        const list = await this.reads.collection((0, _readmodels.collectionName)(_readmodels.ticketsDescriptor, _readmodels.USER_TICKETS)).findOne({
            _id: userId
        }, {
            readOnly: true
        });
        const owned = await (0, _bookingview.ticketsOwnedBy)(this.reads, userId, Object.keys(list?.ticketIds ?? {}));
        const items = [
            ...owned.values()
        ].sort((a, b)=>a.showId.localeCompare(b.showId) || a.seatId.localeCompare(b.seatId)).map((ticket)=>({
                ticketId: ticket.ticketId,
                showId: ticket.showId,
                seatId: ticket.seatId,
                status: ticket.status,
                code: this.codes.sign({
                    ticketId: ticket.ticketId,
                    version: ticket.version
                })
            }));
        return {
            items
        };
    }
};
MyTicketsHandler = _ts_decorate([
    (0, _cqrs.QueryHandler)(_myticketsquery.MyTicketsQuery),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore,
        typeof _ticketcodes.TicketCodes === "undefined" ? Object : _ticketcodes.TicketCodes
    ])
], MyTicketsHandler);

//# sourceMappingURL=my-tickets.handler.js.map