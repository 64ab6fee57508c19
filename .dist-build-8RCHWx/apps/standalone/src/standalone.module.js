"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "StandaloneModule", {
    enumerable: true,
    get: function() {
        return StandaloneModule;
    }
});
const _common = require("@nestjs/common");
const _platformmodule = require("../../../libs/platform/src/platform.module");
const _commandapimodule = require("../../command-api/src/command-api.module");
const _notifiermodule = require("../../notifier/src/notifier.module");
const _projectormodule = require("../../projector/src/projector.module");
const _queryapimodule = require("../../query-api/src/query-api.module");
const _webappmodule = require("./web-app.module");
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
let StandaloneModule = class StandaloneModule {
    static forRoot(config, overrides = {}) {
        return {
            module: StandaloneModule,
            imports: [
                _platformmodule.PlatformModule.forRoot(config, {
                    app: 'standalone',
                    ...overrides
                }),
                _commandapimodule.CommandApiModule,
                _queryapimodule.QueryApiModule,
                _projectormodule.ProjectorModule,
                _notifiermodule.NotifierModule,
                _webappmodule.WebAppModule
            ]
        };
    }
};
StandaloneModule = _ts_decorate([
    (0, _common.Module)({})
], StandaloneModule);

//# sourceMappingURL=standalone.module.js.map