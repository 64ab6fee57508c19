"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get MY_INCIDENTS_LIMIT () {
        return MY_INCIDENTS_LIMIT;
    },
    get MyIncidentsHandler () {
        return MyIncidentsHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _readstoreport = require("../../../../../libs/platform/src/read-store/read-store.port");
const _incidentview = require("../incident-view");
const _myincidentsquery = require("./my-incidents.query");
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
const MY_INCIDENTS_LIMIT = 500;
let MyIncidentsHandler = class MyIncidentsHandler {
    constructor(reads){
        this.reads = reads;
    }
    async execute({ userId }) {
        const docs = await (0, _incidentview.incidentsIn)(this.reads).find({
            reporterId: userId
        }, {
            sort: _incidentview.NEWEST_FIRST,
            limit: MY_INCIDENTS_LIMIT,
            projection: _incidentview.WITHOUT_HISTORY
        });
        return {
            items: docs.map(_incidentview.incidentSummaryOf)
        };
    }
};
MyIncidentsHandler = _ts_decorate([
    (0, _cqrs.QueryHandler)(_myincidentsquery.MyIncidentsQuery),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore
    ])
], MyIncidentsHandler);

//# sourceMappingURL=my-incidents.handler.js.map