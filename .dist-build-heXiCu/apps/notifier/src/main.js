"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
require("reflect-metadata");
const _bootstrap = require("../../../libs/platform/src/bootstrap");
const _platformmodule = require("../../../libs/platform/src/platform.module");
const _notifiermodule = require("./notifier.module");
/** Distributed mode: this app alone, on the stores its environment names. */ void (0, _bootstrap.runHttpApp)('notifier', (config)=>({
        module: class NotifierApp {
        },
        imports: [
            _platformmodule.PlatformModule.forRoot(config, {
                app: 'notifier'
            }),
            _notifiermodule.NotifierModule
        ]
    }));

//# sourceMappingURL=main.js.map