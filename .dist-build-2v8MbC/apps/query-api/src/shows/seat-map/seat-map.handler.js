"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "SeatMapHandler", {
    enumerable: true,
    get: function() {
        return SeatMapHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _domain = require("../../../../../libs/domain/src");
const _readstoreport = require("../../../../../libs/platform/src/read-store/read-store.port");
const _readmodels = require("../../../../../libs/read-models/src");
const _visibleshow = require("../visible-show");
const _seatmapquery = require("./seat-map.query");
const _seatmaprenderer = require("./seat-map-renderer");
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
let SeatMapHandler = class SeatMapHandler {
    constructor(reads){
        this.reads = reads;
        this.seatMaps = new _seatmaprenderer.SeatMapCache();
    }
    async execute({ showId, section, viewer }) {
        const show = await (0, _visibleshow.visibleShow)(this.reads, showId, viewer);
        const sectionIds = section === undefined ? show.sections.map((s)=>s.id) : [
            section
        ];
        if (section !== undefined && !show.sections.some((s)=>s.id === section)) {
            throw new _domain.DomainError('NOT_FOUND', `show ${showId} has no section ${section}`, {
                section
            });
        }
        const docs = await this.reads.collection((0, _readmodels.collectionName)(_readmodels.seatingDescriptor, _readmodels.SEAT_MAP)).find({
            _id: {
                $in: sectionIds.map((id)=>(0, _readmodels.sectionDocId)(showId, id))
            }
        });
        const byId = new Map(docs.map((doc)=>[
                doc.sectionId,
                doc
            ]));
        const ordered = sectionIds.flatMap((id)=>byId.get(id) ?? []);
        return this.seatMaps.response(showId, ordered, section ?? '*');
    }
};
SeatMapHandler = _ts_decorate([
    (0, _cqrs.QueryHandler)(_seatmapquery.SeatMapQuery),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore
    ])
], SeatMapHandler);

//# sourceMappingURL=seat-map.handler.js.map