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
    get ENTITY_ID_PATTERN () {
        return ENTITY_ID_PATTERN;
    },
    get PayBookingRequest () {
        return PayBookingRequest;
    },
    get PaymentCardRequest () {
        return PaymentCardRequest;
    },
    get PlaceBookingRequest () {
        return PlaceBookingRequest;
    }
});
require("reflect-metadata");
const _classtransformer = require("class-transformer");
const _classvalidator = require("class-validator");
const _seatmap = require("./seat-map");
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
const ENTITY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
let PlaceBookingRequest = class PlaceBookingRequest {
};
_ts_decorate([
    (0, _classvalidator.Matches)(ENTITY_ID_PATTERN, {
        message: 'showId is not a valid id'
    }),
    _ts_metadata("design:type", String)
], PlaceBookingRequest.prototype, "showId", void 0);
_ts_decorate([
    (0, _classvalidator.IsArray)(),
    (0, _classvalidator.ArrayMinSize)(1),
    (0, _classvalidator.ArrayMaxSize)(20),
    (0, _classvalidator.ArrayUnique)({
        message: 'seats must not repeat'
    }),
    (0, _classvalidator.IsString)({
        each: true
    }),
    (0, _classvalidator.Matches)(_seatmap.SEAT_ID_PATTERN, {
        each: true,
        message: 'each seat must be a seat id such as A-1-7'
    }),
    _ts_metadata("design:type", Array)
], PlaceBookingRequest.prototype, "seats", void 0);
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    (0, _classtransformer.Transform)(({ value })=>typeof value === 'string' ? (0, _voucherevents.normaliseVoucherCode)(value) : value),
    (0, _classvalidator.Matches)(_voucherevents.VOUCHER_CODE_PATTERN, {
        message: 'voucherCode must be 3–32 letters, digits, _ or -'
    }),
    _ts_metadata("design:type", String)
], PlaceBookingRequest.prototype, "voucherCode", void 0);
/** Card numbers are often typed with spaces or dashes; only the digits matter. */ const digitsOnly = ({ value })=>typeof value === 'string' ? value.replace(/[\s-]/g, '') : value;
let PaymentCardRequest = class PaymentCardRequest {
};
_ts_decorate([
    (0, _classtransformer.Transform)(digitsOnly),
    (0, _classvalidator.Matches)(/^\d{13,19}$/, {
        message: 'number must be 13–19 digits'
    }),
    _ts_metadata("design:type", String)
], PaymentCardRequest.prototype, "number", void 0);
_ts_decorate([
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(12),
    _ts_metadata("design:type", Number)
], PaymentCardRequest.prototype, "expMonth", void 0);
_ts_decorate([
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(2000),
    (0, _classvalidator.Max)(2100),
    _ts_metadata("design:type", Number)
], PaymentCardRequest.prototype, "expYear", void 0);
_ts_decorate([
    (0, _classvalidator.Matches)(/^\d{3,4}$/, {
        message: 'cvc must be 3 or 4 digits'
    }),
    _ts_metadata("design:type", String)
], PaymentCardRequest.prototype, "cvc", void 0);
let PayBookingRequest = class PayBookingRequest {
};
_ts_decorate([
    (0, _classvalidator.IsObject)(),
    (0, _classvalidator.ValidateNested)(),
    (0, _classtransformer.Type)(()=>PaymentCardRequest),
    _ts_metadata("design:type", typeof PaymentCardRequest === "undefined" ? Object : PaymentCardRequest)
], PayBookingRequest.prototype, "card", void 0);

//# sourceMappingURL=booking.request.js.map