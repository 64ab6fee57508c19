// @Type reads design-time metadata as it decorates: importing these DTOs must not depend on
// someone else having loaded reflect-metadata first.
"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CreateVoucherRequest", {
    enumerable: true,
    get: function() {
        return CreateVoucherRequest;
    }
});
require("reflect-metadata");
const _classtransformer = require("class-transformer");
const _classvalidator = require("class-validator");
const _showrequest = require("./show.request");
const _voucherevents = require("./voucher.events");
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
let CreateVoucherRequest = class CreateVoucherRequest {
};
_ts_decorate([
    (0, _classtransformer.Transform)(({ value })=>typeof value === 'string' ? (0, _voucherevents.normaliseVoucherCode)(value) : value),
    (0, _classvalidator.Matches)(_voucherevents.VOUCHER_CODE_PATTERN, {
        message: 'code must be 3–32 letters, digits, _ or -'
    }),
    _ts_metadata("design:type", String)
], CreateVoucherRequest.prototype, "code", void 0);
_ts_decorate([
    (0, _classvalidator.IsIn)(_voucherevents.VOUCHER_KINDS),
    _ts_metadata("design:type", typeof VoucherKind === "undefined" ? Object : VoucherKind)
], CreateVoucherRequest.prototype, "kind", void 0);
_ts_decorate([
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(100_000_000),
    _ts_metadata("design:type", Number)
], CreateVoucherRequest.prototype, "value", void 0);
_ts_decorate([
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(10_000),
    _ts_metadata("design:type", Number)
], CreateVoucherRequest.prototype, "maxUses", void 0);
_ts_decorate([
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(100),
    _ts_metadata("design:type", Number)
], CreateVoucherRequest.prototype, "perUser", void 0);
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsArray)(),
    (0, _classvalidator.ArrayMinSize)(1),
    (0, _classvalidator.ArrayMaxSize)(50),
    (0, _classvalidator.ArrayUnique)(),
    (0, _classvalidator.Matches)(_showrequest.SEAT_MAP_ID_PATTERN, {
        each: true,
        message: 'each category id must be 1–32 letters, digits or underscores'
    }),
    _ts_metadata("design:type", Array)
], CreateVoucherRequest.prototype, "categoryIds", void 0);
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsISO8601)({
        strict: true,
        strictSeparator: true
    }),
    (0, _classvalidator.Matches)(_showrequest.ZONED_DATE_TIME, {
        message: 'validFrom must be an ISO 8601 date-time with a zone'
    }),
    _ts_metadata("design:type", String)
], CreateVoucherRequest.prototype, "validFrom", void 0);
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsISO8601)({
        strict: true,
        strictSeparator: true
    }),
    (0, _classvalidator.Matches)(_showrequest.ZONED_DATE_TIME, {
        message: 'validUntil must be an ISO 8601 date-time with a zone'
    }),
    _ts_metadata("design:type", String)
], CreateVoucherRequest.prototype, "validUntil", void 0);

//# sourceMappingURL=voucher.request.js.map