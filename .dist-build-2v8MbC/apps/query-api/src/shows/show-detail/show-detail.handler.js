"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ShowDetailHandler", {
    enumerable: true,
    get: function() {
        return ShowDetailHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _readstoreport = require("../../../../../libs/platform/src/read-store/read-store.port");
const _visibleshow = require("../visible-show");
const _showdetailquery = require("./show-detail.query");
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
let ShowDetailHandler = class ShowDetailHandler {
    constructor(reads){
        this.reads = reads;
    }
    async execute({ showId, viewer }) {
        const doc = await (0, _visibleshow.visibleShow)(this.reads, showId, viewer);
        return {
            showId: doc.showId,
            name: doc.name,
            venue: doc.venue,
            startsAt: doc.startsAt,
            status: doc.status,
            currency: doc.currency,
            holdMinutes: doc.holdMinutes,
            maxSeatsPerBooking: doc.maxSeatsPerBooking,
            categories: doc.categories,
            sections: doc.sections,
            ...doc.waitingRoom ? {
                waitingRoom: doc.waitingRoom
            } : {}
        };
    }
};
ShowDetailHandler = _ts_decorate([
    (0, _cqrs.QueryHandler)(_showdetailquery.ShowDetailQuery),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore
    ])
], ShowDetailHandler);

//# sourceMappingURL=show-detail.handler.js.map