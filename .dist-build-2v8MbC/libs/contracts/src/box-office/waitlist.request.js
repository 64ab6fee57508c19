// @Type reads design-time metadata as it decorates: importing these DTOs must not depend on
// someone else having loaded reflect-metadata first.
"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "JoinWaitlistRequest", {
    enumerable: true,
    get: function() {
        return JoinWaitlistRequest;
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
let JoinWaitlistRequest = class JoinWaitlistRequest {
};
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.Matches)(_showrequest.SEAT_MAP_ID_PATTERN, {
        message: 'categoryId must be 1–32 letters, digits or underscores'
    }),
    _ts_metadata("design:type", String)
], JoinWaitlistRequest.prototype, "categoryId", void 0);
_ts_decorate([
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(20),
    _ts_metadata("design:type", Number)
], JoinWaitlistRequest.prototype, "seats", void 0);

//# sourceMappingURL=waitlist.request.js.map