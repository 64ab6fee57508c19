"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CancelShowModule", {
    enumerable: true,
    get: function() {
        return CancelShowModule;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _cancelshowhttpcontroller = require("./cancel-show.http.controller");
const _cancelshowhandler = require("./cancel-show.handler");
const _showcancellationmodule = require("../../show-cancellation/show-cancellation.module");
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
let CancelShowModule = class CancelShowModule {
};
CancelShowModule = _ts_decorate([
    (0, _common.Module)({
        // The endpoint and the reaction that completes its work ship together.
        imports: [
            _cqrs.CqrsModule,
            _showcancellationmodule.ShowCancellationModule
        ],
        controllers: [
            _cancelshowhttpcontroller.CancelShowController
        ],
        providers: [
            _cancelshowhandler.CancelShowHandler
        ]
    })
], CancelShowModule);

//# sourceMappingURL=cancel-show.module.js.map