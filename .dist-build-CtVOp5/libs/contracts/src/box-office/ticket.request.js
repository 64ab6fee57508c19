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
    get CheckInRequest () {
        return CheckInRequest;
    },
    get TransferTicketRequest () {
        return TransferTicketRequest;
    }
});
const _classvalidator = require("class-validator");
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
let TransferTicketRequest = class TransferTicketRequest {
};
_ts_decorate([
    (0, _classvalidator.IsEmail)(),
    (0, _classvalidator.MaxLength)(254),
    _ts_metadata("design:type", String)
], TransferTicketRequest.prototype, "toEmail", void 0);
let CheckInRequest = class CheckInRequest {
};
_ts_decorate([
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.Length)(1, 2048),
    _ts_metadata("design:type", String)
], CheckInRequest.prototype, "code", void 0);

//# sourceMappingURL=ticket.request.js.map