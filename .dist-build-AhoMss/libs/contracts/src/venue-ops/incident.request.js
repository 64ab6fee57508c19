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
    get IncidentLocationRequest () {
        return IncidentLocationRequest;
    },
    get ReportIncidentRequest () {
        return ReportIncidentRequest;
    },
    get UPDATE_INCIDENT_FIELDS () {
        return UPDATE_INCIDENT_FIELDS;
    },
    get UpdateIncidentRequest () {
        return UpdateIncidentRequest;
    }
});
require("reflect-metadata");
const _classtransformer = require("class-transformer");
const _classvalidator = require("class-validator");
const _bookingrequest = require("../box-office/booking.request");
const _seatmap = require("../box-office/seat-map");
const _incidentevents = require("./incident.events");
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
let IncidentLocationRequest = class IncidentLocationRequest {
};
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.Matches)(_bookingrequest.ENTITY_ID_PATTERN, {
        message: 'showId is not a valid id'
    }),
    _ts_metadata("design:type", String)
], IncidentLocationRequest.prototype, "showId", void 0);
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.Matches)(_seatmap.SEAT_ID_PATTERN, {
        message: 'seatId must be a seat id such as A-1-7'
    }),
    _ts_metadata("design:type", String)
], IncidentLocationRequest.prototype, "seatId", void 0);
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.Length)(1, 200),
    _ts_metadata("design:type", String)
], IncidentLocationRequest.prototype, "area", void 0);
let ReportIncidentRequest = class ReportIncidentRequest {
};
_ts_decorate([
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.Length)(1, 200),
    _ts_metadata("design:type", String)
], ReportIncidentRequest.prototype, "title", void 0);
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.MaxLength)(5000),
    _ts_metadata("design:type", String)
], ReportIncidentRequest.prototype, "description", void 0);
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsObject)(),
    (0, _classvalidator.ValidateNested)(),
    (0, _classtransformer.Type)(()=>IncidentLocationRequest),
    _ts_metadata("design:type", typeof IncidentLocationRequest === "undefined" ? Object : IncidentLocationRequest)
], ReportIncidentRequest.prototype, "location", void 0);
_ts_decorate([
    (0, _classvalidator.IsIn)(_incidentevents.INCIDENT_CATEGORIES),
    _ts_metadata("design:type", typeof IncidentCategory === "undefined" ? Object : IncidentCategory)
], ReportIncidentRequest.prototype, "category", void 0);
_ts_decorate([
    (0, _classvalidator.IsIn)(_incidentevents.INCIDENT_URGENCIES),
    _ts_metadata("design:type", typeof IncidentUrgency === "undefined" ? Object : IncidentUrgency)
], ReportIncidentRequest.prototype, "urgency", void 0);
let UpdateIncidentRequest = class UpdateIncidentRequest {
};
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsIn)(_incidentevents.INCIDENT_STATUSES),
    _ts_metadata("design:type", typeof IncidentStatus === "undefined" ? Object : IncidentStatus)
], UpdateIncidentRequest.prototype, "status", void 0);
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.Matches)(_bookingrequest.ENTITY_ID_PATTERN, {
        message: 'assigneeId is not a valid id'
    }),
    _ts_metadata("design:type", Object)
], UpdateIncidentRequest.prototype, "assigneeId", void 0);
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsIn)(_incidentevents.INCIDENT_IMPACTS),
    _ts_metadata("design:type", typeof IncidentImpact === "undefined" ? Object : IncidentImpact)
], UpdateIncidentRequest.prototype, "impact", void 0);
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsIn)(_incidentevents.INCIDENT_SEVERITIES),
    _ts_metadata("design:type", typeof IncidentSeverity === "undefined" ? Object : IncidentSeverity)
], UpdateIncidentRequest.prototype, "severity", void 0);
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.Length)(1, 2000),
    _ts_metadata("design:type", String)
], UpdateIncidentRequest.prototype, "note", void 0);
const UPDATE_INCIDENT_FIELDS = [
    'status',
    'assigneeId',
    'impact',
    'severity',
    'note'
];

//# sourceMappingURL=incident.request.js.map