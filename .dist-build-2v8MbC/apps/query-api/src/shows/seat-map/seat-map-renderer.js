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
    get SeatMapCache () {
        return SeatMapCache;
    },
    get renderSectionSeats () {
        return renderSectionSeats;
    }
});
const _nodecrypto = require("node:crypto");
const _precompressed = require("../../../../../libs/platform/src/http/precompressed");
const _readmodels = require("../../../../../libs/read-models/src");
/**
 * Turns a compact seat-map section document into the JSON of its seats, once per version of the
 * document: a 60,000-seat show is served by joining cached section strings, and only the
 * sections that changed since are rendered again.
 */ const STATUS_OF = {
    [_readmodels.SEAT_CODES.available]: 'available',
    [_readmodels.SEAT_CODES.held]: 'held',
    [_readmodels.SEAT_CODES.sold]: 'sold'
};
const renderSectionSeats = (section)=>{
    const parts = [];
    const sectionId = JSON.stringify(section.sectionId);
    const categoryId = JSON.stringify(section.categoryId);
    for (const row of section.rows){
        const label = JSON.stringify(row.label);
        const prefix = `${section.sectionId}-${row.label}-`;
        for(let number = 1; number <= row.seats; number++){
            const status = STATUS_OF[section.status[row.offset + number - 1]] ?? 'available';
            parts.push(`{"seatId":${JSON.stringify(prefix + number)},"sectionId":${sectionId},"row":${label},"number":${number},"categoryId":${categoryId},"status":"${status}"}`);
        }
    }
    return parts.join(',');
};
let SeatMapCache = class SeatMapCache {
    constructor(maxSections = 20_000){
        this.maxSections = maxSections;
        this.rendered = new Map();
        this.responses = new Map();
    }
    json(section) {
        const cached = this.rendered.get(section._id);
        if (cached && cached.position === section._position) return cached.json;
        const json = renderSectionSeats(section);
        if (this.rendered.size >= this.maxSections) this.rendered.delete(this.rendered.keys().next().value);
        this.rendered.set(section._id, {
            position: section._position,
            json
        });
        return json;
    }
    /**
   * The whole response body for these sections, encoded once per combination of section
   * versions: a repeated read of an unchanged 60,000-seat map sends a ready buffer, compressed
   * once per coding.
   */ response(showId, sections, selection) {
        const key = sections.map((section)=>`${section.sectionId}@${section._position}`).join(',');
        const slot = `${showId}\u0000${selection}`;
        const cached = this.responses.get(slot);
        if (cached && cached.key === key) return cached.response;
        const parts = sections.map((section)=>this.json(section)).filter((json)=>json.length > 0);
        const body = new _precompressed.PrecompressedBody(Buffer.from(`{"showId":${JSON.stringify(showId)},"seats":[${parts.join(',')}]}`));
        const response = {
            body,
            etag: `W/"${(0, _nodecrypto.createHash)('sha1').update(slot).update(key).digest('base64url')}"`
        };
        if (this.responses.size >= 1000) this.responses.delete(this.responses.keys().next().value);
        this.responses.set(slot, {
            key,
            response
        });
        return response;
    }
};

//# sourceMappingURL=seat-map-renderer.js.map