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
    get ADMISSION_TOKEN_HEADER () {
        return ADMISSION_TOKEN_HEADER;
    },
    get ConfigureWaitingRoomRequest () {
        return ConfigureWaitingRoomRequest;
    }
});
require("reflect-metadata");
const _classvalidator = require("class-validator");
const _showrequest = require("./show.request");
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
let ConfigureWaitingRoomRequest = class ConfigureWaitingRoomRequest {
};
_ts_decorate([
    (0, _classvalidator.IsBoolean)(),
    _ts_metadata("design:type", Boolean)
], ConfigureWaitingRoomRequest.prototype, "enabled", void 0);
_ts_decorate([
    (0, _classvalidator.IsISO8601)({
        strict: true,
        strictSeparator: true
    }),
    (0, _classvalidator.Matches)(_showrequest.ZONED_DATE_TIME, {
        message: 'opensAt must be an ISO 8601 date-time with a zone'
    }),
    _ts_metadata("design:type", String)
], ConfigureWaitingRoomRequest.prototype, "opensAt", void 0);
_ts_decorate([
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(100_000),
    _ts_metadata("design:type", Number)
], ConfigureWaitingRoomRequest.prototype, "admitPerMinute", void 0);
_ts_decorate([
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(60),
    _ts_metadata("design:type", Number)
], ConfigureWaitingRoomRequest.prototype, "tokenMinutes", void 0);
const ADMISSION_TOKEN_HEADER = 'x-admission-token';

//# sourceMappingURL=waiting-room.request.js.map