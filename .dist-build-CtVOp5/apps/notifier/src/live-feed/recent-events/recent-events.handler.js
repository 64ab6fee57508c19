"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RecentEventsHandler", {
    enumerable: true,
    get: function() {
        return RecentEventsHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _readstoreport = require("../../../../../libs/platform/src/read-store/read-store.port");
const _readmodels = require("../../../../../libs/read-models/src");
const _recenteventsquery = require("./recent-events.query");
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
let RecentEventsHandler = class RecentEventsHandler {
    constructor(reads){
        this.reads = reads;
    }
    async execute({ limit }) {
        const docs = await this.reads.collection((0, _readmodels.collectionName)(_readmodels.recentEventsDescriptor, _readmodels.RECENT_EVENTS)).find({}, {
            sort: {
                _position: -1
            },
            limit,
            readOnly: true
        });
        return {
            items: docs.map((doc)=>doc.event)
        };
    }
};
RecentEventsHandler = _ts_decorate([
    (0, _cqrs.QueryHandler)(_recenteventsquery.RecentEventsQuery),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore
    ])
], RecentEventsHandler);

//# sourceMappingURL=recent-events.handler.js.map