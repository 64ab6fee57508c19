"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "IncidentDetailHandler", {
    enumerable: true,
    get: function() {
        return IncidentDetailHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _domain = require("../../../../../libs/domain/src");
const _readstoreport = require("../../../../../libs/platform/src/read-store/read-store.port");
const _incidentview = require("../incident-view");
const _incidentdetailquery = require("./incident-detail.query");
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
let IncidentDetailHandler = class IncidentDetailHandler {
    constructor(reads){
        this.reads = reads;
    }
    async execute({ incidentId, userId, roles }) {
        const doc = await (0, _incidentview.incidentsIn)(this.reads).findOne({
            _id: incidentId
        });
        const staff = roles.includes('staff') || roles.includes('admin');
        if (!doc || !staff && doc.reporterId !== userId) {
            throw new _domain.DomainError('INCIDENT_NOT_FOUND', `incident ${incidentId} does not exist`, {
                incidentId
            });
        }
        return (0, _incidentview.incidentViewOf)(doc);
    }
};
IncidentDetailHandler = _ts_decorate([
    (0, _cqrs.QueryHandler)(_incidentdetailquery.IncidentDetailQuery),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore
    ])
], IncidentDetailHandler);

//# sourceMappingURL=incident-detail.handler.js.map