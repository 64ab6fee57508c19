"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ShowsModule", {
    enumerable: true,
    get: function() {
        return ShowsModule;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _createshowhandler = require("./create-show/create-show.handler");
const _createshowhttpcontroller = require("./create-show/create-show.http.controller");
const _publishshowhandler = require("./publish-show/publish-show.handler");
const _publishshowhttpcontroller = require("./publish-show/publish-show.http.controller");
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
let ShowsModule = class ShowsModule {
};
ShowsModule = _ts_decorate([
    (0, _common.Module)({
        imports: [
            _cqrs.CqrsModule
        ],
        controllers: [
            _createshowhttpcontroller.CreateShowHttpController,
            _publishshowhttpcontroller.PublishShowHttpController
        ],
        providers: [
            _createshowhandler.CreateShowHandler,
            _publishshowhandler.PublishShowHandler
        ]
    })
], ShowsModule);

//# sourceMappingURL=shows.module.js.map