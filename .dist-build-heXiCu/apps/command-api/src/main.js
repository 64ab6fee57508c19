"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
require("reflect-metadata");
const _bootstrap = require("../../../libs/platform/src/bootstrap");
const _platformmodule = require("../../../libs/platform/src/platform.module");
const _commandapimodule = require("./command-api.module");
/** Distributed mode: this app alone, on the stores its environment names. */ void (0, _bootstrap.runHttpApp)('command-api', (config)=>({
        module: class CommandApiApp {
        },
        imports: [
            _platformmodule.PlatformModule.forRoot(config, {
                app: 'command-api'
            }),
            _commandapimodule.CommandApiModule
        ]
    }));

//# sourceMappingURL=main.js.map