"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RecentIncidentsHandler", {
    enumerable: true,
    get: function() {
        return RecentIncidentsHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _readstoreport = require("../../../../../libs/platform/src/read-store/read-store.port");
const _incidentview = require("../incident-view");
const _recentincidentsquery = require("./recent-incidents.query");
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
let RecentIncidentsHandler = class RecentIncidentsHandler {
    constructor(reads){
        this.reads = reads;
    }
    async execute({ limit }) {
        const docs = await (0, _incidentview.incidentsIn)(this.reads).find({}, {
            sort: _incidentview.NEWEST_FIRST,
            limit,
            projection: _incidentview.WITHOUT_HISTORY
        });
        return {
            items: docs.map(_incidentview.incidentSummaryOf)
        };
    }
};
RecentIncidentsHandler = _ts_decorate([
    (0, _cqrs.QueryHandler)(_recentincidentsquery.RecentIncidentsQuery),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore
    ])
], RecentIncidentsHandler);

//# sourceMappingURL=recent-incidents.handler.js.map