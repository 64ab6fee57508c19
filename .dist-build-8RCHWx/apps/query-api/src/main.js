"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
require("reflect-metadata");
const _bootstrap = require("../../../libs/platform/src/bootstrap");
const _platformmodule = require("../../../libs/platform/src/platform.module");
const _queryapimodule = require("./query-api.module");
/** Distributed mode: this app alone, on the stores its environment names. */ void (0, _bootstrap.runHttpApp)('query-api', (config)=>({
        module: class QueryApiApp {
        },
        imports: [
            _platformmodule.PlatformModule.forRoot(config, {
                app: 'query-api'
            }),
            _queryapimodule.QueryApiModule
        ]
    }));

//# sourceMappingURL=main.js.map