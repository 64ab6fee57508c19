"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ShowSalesHandler", {
    enumerable: true,
    get: function() {
        return ShowSalesHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _domain = require("../../../../../libs/domain/src");
const _readstoreport = require("../../../../../libs/platform/src/read-store/read-store.port");
const _readmodels = require("../../../../../libs/read-models/src");
const _showsalesquery = require("./show-sales.query");
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
let ShowSalesHandler = class ShowSalesHandler {
    constructor(reads){
        this.reads = reads;
    }
    async execute({ showId }) {
        const doc = await this.reads.collection((0, _readmodels.collectionName)(_readmodels.salesDescriptor, _readmodels.SHOW_SALES)).findOne({
            _id: showId
        });
        if (!doc) throw new _domain.DomainError('SHOW_NOT_FOUND', `show ${showId} does not exist`, {
            showId
        });
        const revenueBeforeDiscounts = Object.values(doc.byCategory).reduce((sum, counter)=>sum + counter.revenue, 0);
        // Documents written before vouchers existed have no discounts field: none were given.
        const discounts = doc.discounts ?? 0;
        return {
            showId,
            currency: doc.currency,
            byCategory: Object.entries(doc.byCategory).sort(([a], [b])=>a.localeCompare(b)).map(([categoryId, counter])=>({
                    categoryId,
                    ...counter
                })),
            byHour: Object.entries(doc.byHour).filter(([, counter])=>counter.sold !== 0 || counter.revenue !== 0).sort(([a], [b])=>a.localeCompare(b)).map(([hour, counter])=>({
                    hour,
                    ...counter
                })),
            holdsPlaced: doc.holdsPlaced,
            holdsExpired: doc.holdsExpired,
            holdsCancelled: doc.holdsCancelled,
            bookingsConfirmed: doc.bookingsConfirmed,
            bookingsRefunded: doc.bookingsRefunded,
            refundedAmount: doc.refundedAmount,
            paymentsDeclined: doc.paymentsDeclined,
            conversion: (0, _readmodels.conversionOf)(doc),
            revenueBeforeDiscounts,
            discounts,
            revenueAfterDiscounts: revenueBeforeDiscounts - discounts
        };
    }
};
ShowSalesHandler = _ts_decorate([
    (0, _cqrs.QueryHandler)(_showsalesquery.ShowSalesQuery),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore
    ])
], ShowSalesHandler);

//# sourceMappingURL=show-sales.handler.js.map