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
    get WebAppModule () {
        return WebAppModule;
    },
    get WebAppServer () {
        return WebAppServer;
    }
});
const _common = require("@nestjs/common");
const _core = require("@nestjs/core");
const _webapp = require("../../../libs/platform/src/http/web-app");
const _platformmodule = require("../../../libs/platform/src/platform.module");
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
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
let WebAppServer = class WebAppServer {
    constructor(http, config){
        this.http = http;
        this.config = config;
        this.logger = new _common.Logger('WebApp');
    }
    async onModuleInit() {
        const dir = this.config.WEB_APP_DIR ?? _webapp.DEFAULT_WEB_APP_DIR;
        const fastify = this.http.httpAdapter.getInstance();
        if (await (0, _webapp.serveWebApp)(fastify, dir)) this.logger.log(`serving the web app from ${dir}`);
        else this.logger.warn(`no web app in ${dir} (run npm run build): / is not served`);
    }
};
WebAppServer = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(1, (0, _platformmodule.InjectConfig)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _core.HttpAdapterHost === "undefined" ? Object : _core.HttpAdapterHost,
        typeof TesseraConfig === "undefined" ? Object : TesseraConfig
    ])
], WebAppServer);
let WebAppModule = class WebAppModule {
};
WebAppModule = _ts_decorate([
    (0, _common.Module)({
        providers: [
            WebAppServer
        ]
    })
], WebAppModule);

//# sourceMappingURL=web-app.module.js.map