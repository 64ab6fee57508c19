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
    get SEAT_CODES () {
        return SEAT_CODES;
    },
    get SEAT_MAP () {
        return SEAT_MAP;
    },
    get SHOW_CATALOGUE () {
        return SHOW_CATALOGUE;
    },
    get SHOW_DETAIL () {
        return SHOW_DETAIL;
    },
    get seatingDescriptor () {
        return seatingDescriptor;
    },
    get sectionDocId () {
        return sectionDocId;
    }
});
const _contracts = require("../../contracts/src");
const SEAT_MAP = 'seat_map';
const SHOW_DETAIL = 'show_detail';
const SHOW_CATALOGUE = 'show_catalogue';
const SEAT_CODES = {
    available: 'a',
    held: 'h',
    sold: 's'
};
const sectionDocId = (showId, sectionId)=>`${showId}/${sectionId}`;
const seatingDescriptor = {
    name: 'seating',
    version: 1,
    collections: [
        SEAT_MAP,
        SHOW_DETAIL,
        SHOW_CATALOGUE
    ],
    // The room's configuration only (its places and admissions are the command side's, in memory).
    eventTypes: [
        ..._contracts.SHOW_EVENT_TYPES,
        ..._contracts.SEAT_EVENT_TYPES,
        'waiting_room.configured.v1'
    ]
};

//# sourceMappingURL=seating.read-model.js.map