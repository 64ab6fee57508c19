/**
 * The seat map of a show as it is written once in `show.created.v1` and read by everyone after:
 * price categories, and sections of rows whose seats are numbered from 1.
 */ /** A price category such as VIP or Standard. */ "use strict";
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
    get SEAT_ID_PATTERN () {
        return SEAT_ID_PATTERN;
    },
    get SEAT_MAP_LIMITS () {
        return SEAT_MAP_LIMITS;
    },
    get parseSeatId () {
        return parseSeatId;
    },
    get seatIdOf () {
        return seatIdOf;
    },
    get seatIdsOfSection () {
        return seatIdsOfSection;
    }
});
const seatIdOf = (sectionId, rowLabel, number)=>`${sectionId}-${rowLabel}-${number}`;
const SEAT_ID = /^([A-Za-z0-9_]{1,32})-([A-Za-z0-9]{1,8})-([1-9][0-9]{0,3})$/;
const parseSeatId = (seatId)=>{
    const match = SEAT_ID.exec(seatId);
    if (!match) return undefined;
    return {
        sectionId: match[1],
        rowLabel: match[2],
        number: Number(match[3])
    };
};
const SEAT_ID_PATTERN = SEAT_ID;
const SEAT_MAP_LIMITS = {
    maxSeatsPerRow: 1000,
    maxSeatsPerShow: 100_000,
    maxCategories: 50,
    maxSections: 500,
    maxRowsPerSection: 500
};
const seatIdsOfSection = (section)=>section.rows.flatMap((row)=>Array.from({
            length: row.seats
        }, (_, index)=>seatIdOf(section.id, row.label, index + 1)));

//# sourceMappingURL=seat-map.js.map