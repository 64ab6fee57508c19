"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "VouchersModule", {
    enumerable: true,
    get: function() {
        return VouchersModule;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _createvoucherhandler = require("./create-voucher/create-voucher.handler");
const _createvoucherhttpcontroller = require("./create-voucher/create-voucher.http.controller");
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
let VouchersModule = class VouchersModule {
};
VouchersModule = _ts_decorate([
    (0, _common.Module)({
        imports: [
            _cqrs.CqrsModule
        ],
        controllers: [
            _createvoucherhttpcontroller.CreateVoucherHttpController
        ],
        providers: [
            _createvoucherhandler.CreateVoucherHandler
        ]
    })
], VouchersModule);

//# sourceMappingURL=vouchers.module.js.map