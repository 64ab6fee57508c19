"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "MyWaitlistHandler", {
    enumerable: true,
    get: function() {
        return MyWaitlistHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _readstoreport = require("../../../../../libs/platform/src/read-store/read-store.port");
const _readmodels = require("../../../../../libs/read-models/src");
const _mywaitlistquery = require("./my-waitlist.query");
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
let MyWaitlistHandler = class MyWaitlistHandler {
    constructor(reads){
        this.reads = reads;
    }
    async execute({ userId }) {
        const entries = this.reads.collection((0, _readmodels.collectionName)(_readmodels.waitlistDescriptor, _readmodels.WAITLIST_ENTRIES));
        const mine = await entries.find({
            userId
        }, {
            sort: {
                joinedAt: -1,
                number: -1
            },
            readOnly: true
        });
        const items = await Promise.all(mine.map(async (entry)=>({
                entryId: entry.entryId,
                showId: entry.showId,
                categoryId: entry.categoryId,
                seats: entry.seats,
                position: entry.status === 'waiting' ? await entries.countDocuments({
                    showId: entry.showId,
                    status: 'waiting',
                    number: {
                        $lte: entry.number
                    }
                }) : null,
                status: entry.status,
                ...entry.bookingId === undefined ? {} : {
                    bookingId: entry.bookingId
                },
                ...entry.status === 'offered' && entry.expiresAt !== undefined ? {
                    expiresAt: entry.expiresAt
                } : {},
                joinedAt: entry.joinedAt
            })));
        return {
            items
        };
    }
};
MyWaitlistHandler = _ts_decorate([
    (0, _cqrs.QueryHandler)(_mywaitlistquery.MyWaitlistQuery),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore
    ])
], MyWaitlistHandler);

//# sourceMappingURL=my-waitlist.handler.js.map