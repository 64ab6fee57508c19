// @Type reads design-time metadata as it decorates: importing these DTOs must not depend on
// someone else having loaded reflect-metadata first.
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
    get CancelShowRequest () {
        return CancelShowRequest;
    },
    get CreateShowRequest () {
        return CreateShowRequest;
    },
    get ROW_LABEL_PATTERN () {
        return ROW_LABEL_PATTERN;
    },
    get SEAT_MAP_ID_PATTERN () {
        return SEAT_MAP_ID_PATTERN;
    },
    get SeatCategoryRequest () {
        return SeatCategoryRequest;
    },
    get SeatRowRequest () {
        return SeatRowRequest;
    },
    get SeatSectionRequest () {
        return SeatSectionRequest;
    },
    get ZONED_DATE_TIME () {
        return ZONED_DATE_TIME;
    }
});
require("reflect-metadata");
const _classtransformer = require("class-transformer");
const _classvalidator = require("class-validator");
const _seatmap = require("./seat-map");
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
const SEAT_MAP_ID_PATTERN = /^[A-Za-z0-9_]{1,32}$/;
const ROW_LABEL_PATTERN = /^[A-Za-z0-9]{1,8}$/;
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
let SeatCategoryRequest = class SeatCategoryRequest {
};
_ts_decorate([
    (0, _classvalidator.Matches)(SEAT_MAP_ID_PATTERN, {
        message: 'id must be 1–32 letters, digits or underscores'
    }),
    _ts_metadata("design:type", String)
], SeatCategoryRequest.prototype, "id", void 0);
_ts_decorate([
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.Length)(1, 100),
    _ts_metadata("design:type", String)
], SeatCategoryRequest.prototype, "name", void 0);
_ts_decorate([
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(0),
    (0, _classvalidator.Max)(100_000_000),
    _ts_metadata("design:type", Number)
], SeatCategoryRequest.prototype, "price", void 0);
let SeatRowRequest = class SeatRowRequest {
};
_ts_decorate([
    (0, _classvalidator.Matches)(ROW_LABEL_PATTERN, {
        message: 'label must be 1–8 letters or digits'
    }),
    _ts_metadata("design:type", String)
], SeatRowRequest.prototype, "label", void 0);
_ts_decorate([
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(_seatmap.SEAT_MAP_LIMITS.maxSeatsPerRow),
    _ts_metadata("design:type", Number)
], SeatRowRequest.prototype, "seats", void 0);
let SeatSectionRequest = class SeatSectionRequest {
};
_ts_decorate([
    (0, _classvalidator.Matches)(SEAT_MAP_ID_PATTERN, {
        message: 'id must be 1–32 letters, digits or underscores'
    }),
    _ts_metadata("design:type", String)
], SeatSectionRequest.prototype, "id", void 0);
_ts_decorate([
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.Length)(1, 100),
    _ts_metadata("design:type", String)
], SeatSectionRequest.prototype, "name", void 0);
_ts_decorate([
    (0, _classvalidator.Matches)(SEAT_MAP_ID_PATTERN, {
        message: 'categoryId must be 1–32 letters, digits or underscores'
    }),
    _ts_metadata("design:type", String)
], SeatSectionRequest.prototype, "categoryId", void 0);
_ts_decorate([
    (0, _classvalidator.IsArray)(),
    (0, _classvalidator.ArrayMinSize)(1),
    (0, _classvalidator.ArrayMaxSize)(_seatmap.SEAT_MAP_LIMITS.maxRowsPerSection),
    (0, _classvalidator.ArrayUnique)((row)=>row?.label, {
        message: 'row labels must be unique within a section'
    }),
    (0, _classvalidator.ValidateNested)({
        each: true
    }),
    (0, _classtransformer.Type)(()=>SeatRowRequest),
    _ts_metadata("design:type", Array)
], SeatSectionRequest.prototype, "rows", void 0);
/** Seats in all sections, counting only well-formed rows (malformed ones fail on their own). */ const totalSeats = (sections)=>Array.isArray(sections) ? sections.reduce((sum, section)=>{
        const rows = Array.isArray(section?.rows) ? section.rows : [];
        return sum + rows.reduce((n, row)=>n + (Number.isInteger(row?.seats) ? row.seats : 0), 0);
    }, 0) : 0;
const MaxTotalSeats = (max)=>(0, _classvalidator.ValidateBy)({
        name: 'maxTotalSeats',
        constraints: [
            max
        ],
        validator: {
            validate: (sections)=>totalSeats(sections) <= max,
            defaultMessage: ()=>`a show has at most ${max} seats`
        }
    });
let CreateShowRequest = class CreateShowRequest {
};
_ts_decorate([
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.Length)(1, 200),
    _ts_metadata("design:type", String)
], CreateShowRequest.prototype, "name", void 0);
_ts_decorate([
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.Length)(1, 200),
    _ts_metadata("design:type", String)
], CreateShowRequest.prototype, "venue", void 0);
_ts_decorate([
    (0, _classvalidator.IsISO8601)({
        strict: true,
        strictSeparator: true
    }),
    (0, _classvalidator.Matches)(ZONED_DATE_TIME, {
        message: 'startsAt must be an ISO 8601 date-time with a zone, e.g. 2027-05-01T19:30:00Z'
    }),
    _ts_metadata("design:type", String)
], CreateShowRequest.prototype, "startsAt", void 0);
_ts_decorate([
    (0, _classvalidator.IsISO4217CurrencyCode)({
        message: 'currency must be an ISO 4217 code such as EUR'
    }),
    (0, _classvalidator.Matches)(/^[A-Z]{3}$/, {
        message: 'currency must be an ISO 4217 code in upper case, such as EUR'
    }),
    _ts_metadata("design:type", String)
], CreateShowRequest.prototype, "currency", void 0);
_ts_decorate([
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(60),
    _ts_metadata("design:type", Number)
], CreateShowRequest.prototype, "holdMinutes", void 0);
_ts_decorate([
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(20),
    _ts_metadata("design:type", Number)
], CreateShowRequest.prototype, "maxSeatsPerBooking", void 0);
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(1000),
    _ts_metadata("design:type", Number)
], CreateShowRequest.prototype, "maxSeatsHeldPerUser", void 0);
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(1000),
    _ts_metadata("design:type", Number)
], CreateShowRequest.prototype, "maxTicketsPerUser", void 0);
_ts_decorate([
    (0, _classvalidator.IsArray)(),
    (0, _classvalidator.ArrayMinSize)(1),
    (0, _classvalidator.ArrayMaxSize)(_seatmap.SEAT_MAP_LIMITS.maxCategories),
    (0, _classvalidator.ArrayUnique)((category)=>category?.id, {
        message: 'category ids must be unique'
    }),
    (0, _classvalidator.ValidateNested)({
        each: true
    }),
    (0, _classtransformer.Type)(()=>SeatCategoryRequest),
    _ts_metadata("design:type", Array)
], CreateShowRequest.prototype, "categories", void 0);
_ts_decorate([
    (0, _classvalidator.IsArray)(),
    (0, _classvalidator.ArrayMinSize)(1),
    (0, _classvalidator.ArrayMaxSize)(_seatmap.SEAT_MAP_LIMITS.maxSections),
    (0, _classvalidator.ArrayUnique)((section)=>section?.id, {
        message: 'section ids must be unique'
    }),
    MaxTotalSeats(_seatmap.SEAT_MAP_LIMITS.maxSeatsPerShow),
    (0, _classvalidator.ValidateNested)({
        each: true
    }),
    (0, _classtransformer.Type)(()=>SeatSectionRequest),
    _ts_metadata("design:type", Array)
], CreateShowRequest.prototype, "sections", void 0);
let CancelShowRequest = class CancelShowRequest {
};
_ts_decorate([
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.Length)(1, 500),
    _ts_metadata("design:type", String)
], CancelShowRequest.prototype, "reason", void 0);

//# sourceMappingURL=show.request.js.map