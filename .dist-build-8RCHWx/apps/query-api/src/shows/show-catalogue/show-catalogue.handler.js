"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ShowCatalogueHandler", {
    enumerable: true,
    get: function() {
        return ShowCatalogueHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _readstoreport = require("../../../../../libs/platform/src/read-store/read-store.port");
const _readmodels = require("../../../../../libs/read-models/src");
const _cataloguecursor = require("./catalogue-cursor");
const _showcataloguequery = require("./show-catalogue.query");
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
let ShowCatalogueHandler = class ShowCatalogueHandler {
    constructor(reads){
        this.reads = reads;
    }
    async execute({ limit, after }) {
        const filter = {
            listed: true
        };
        if (after) {
            filter.$or = [
                {
                    startsAt: {
                        $gt: after.startsAt
                    }
                },
                {
                    startsAt: after.startsAt,
                    _id: {
                        $gt: after.id
                    }
                }
            ];
        }
        const docs = await this.reads.collection((0, _readmodels.collectionName)(_readmodels.seatingDescriptor, _readmodels.SHOW_CATALOGUE)).find(filter, {
            sort: {
                startsAt: 1,
                _id: 1
            },
            limit: limit + 1
        });
        const page = docs.slice(0, limit);
        const last = page.at(-1);
        return {
            items: page.map(toSummary),
            nextCursor: docs.length > limit && last ? (0, _cataloguecursor.encodeCursor)({
                startsAt: last.startsAt,
                id: last._id
            }) : null
        };
    }
};
ShowCatalogueHandler = _ts_decorate([
    (0, _cqrs.QueryHandler)(_showcataloguequery.ShowCatalogueQuery),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore
    ])
], ShowCatalogueHandler);
const toSummary = (doc)=>({
        showId: doc.showId,
        name: doc.name,
        venue: doc.venue,
        startsAt: doc.startsAt,
        status: doc.status,
        currency: doc.currency,
        priceFrom: doc.priceFrom,
        capacity: doc.capacity,
        available: doc.available
    });

//# sourceMappingURL=show-catalogue.handler.js.map