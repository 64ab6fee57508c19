"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LoginRequest", {
    enumerable: true,
    get: function() {
        return LoginRequest;
    }
});
const _classvalidator = require("class-validator");
const _email = require("./email");
const _limits = require("./limits");
const _trim = require("./trim");
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
let LoginRequest = class LoginRequest {
};
_ts_decorate([
    (0, _trim.Trim)(),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.Length)(1, _email.EMAIL_MAX_LENGTH),
    _ts_metadata("design:type", String)
], LoginRequest.prototype, "email", void 0);
_ts_decorate([
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.Length)(1, _limits.PASSWORD_MAX_LENGTH),
    _ts_metadata("design:type", String)
], LoginRequest.prototype, "password", void 0);

//# sourceMappingURL=login.request.js.map