"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LiveStatsHandler", {
    enumerable: true,
    get: function() {
        return LiveStatsHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _readstoreport = require("../../../../../libs/platform/src/read-store/read-store.port");
const _readmodels = require("../../../../../libs/read-models/src");
const _livestatsquery = require("./live-stats.query");
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
let LiveStatsHandler = class LiveStatsHandler {
    constructor(reads){
        this.reads = reads;
    }
    async execute() {
        const doc = await this.reads.collection((0, _readmodels.collectionName)(_readmodels.liveStatsDescriptor, _readmodels.LIVE_STATS)).findOne({
            _id: _readmodels.LIVE_STATS_ID
        });
        if (!doc) {
            return {
                incidents: {
                    open: 0,
                    bySeverity: {
                        critical: 0,
                        high: 0,
                        medium: 0,
                        low: 0
                    },
                    byStatus: {
                        new: 0,
                        acknowledged: 0,
                        in_progress: 0,
                        pending: 0,
                        resolved: 0,
                        closed: 0
                    },
                    breached: 0
                },
                devices: {
                    total: 0,
                    online: 0,
                    degraded: 0,
                    offline: 0,
                    silent: 0
                },
                sales: {
                    showsOnSale: 0,
                    seatsSold: 0,
                    revenueByCurrency: {}
                },
                position: '0'
            };
        }
        return {
            incidents: doc.incidents,
            devices: doc.devices,
            sales: doc.sales,
            position: String(doc._position)
        };
    }
};
LiveStatsHandler = _ts_decorate([
    (0, _cqrs.QueryHandler)(_livestatsquery.LiveStatsQuery),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore
    ])
], LiveStatsHandler);

//# sourceMappingURL=live-stats.handler.js.map