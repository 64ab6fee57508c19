"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "IncidentListHandler", {
    enumerable: true,
    get: function() {
        return IncidentListHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _readstoreport = require("../../../../../libs/platform/src/read-store/read-store.port");
const _incidentview = require("../incident-view");
const _positioncursor = require("../../paging/position-cursor");
const _incidentlistquery = require("./incident-list.query");
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
let IncidentListHandler = class IncidentListHandler {
    constructor(reads){
        this.reads = reads;
    }
    async execute({ filters, limit, before }) {
        const filter = {
            ...filters
        };
        if (before !== undefined) filter.reportedPosition = {
            $lt: before
        };
        const docs = await (0, _incidentview.incidentsIn)(this.reads).find(filter, {
            sort: _incidentview.NEWEST_FIRST,
            limit: limit + 1,
            projection: _incidentview.WITHOUT_HISTORY
        });
        const page = docs.slice(0, limit);
        const last = page.at(-1);
        return {
            items: page.map(_incidentview.incidentSummaryOf),
            nextCursor: docs.length > limit && last ? (0, _positioncursor.encodePositionCursor)(last.reportedPosition) : null
        };
    }
};
IncidentListHandler = _ts_decorate([
    (0, _cqrs.QueryHandler)(_incidentlistquery.IncidentListQuery),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore
    ])
], IncidentListHandler);

//# sourceMappingURL=incident-list.handler.js.map