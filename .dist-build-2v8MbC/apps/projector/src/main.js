"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
require("reflect-metadata");
const _bootstrap = require("../../../libs/platform/src/bootstrap");
const _platformmodule = require("../../../libs/platform/src/platform.module");
const _projectormodule = require("./projector.module");
/** Distributed mode: this app alone, on the stores its environment names. */ void (0, _bootstrap.runHttpApp)('projector', (config)=>({
        module: class ProjectorApp {
        },
        imports: [
            _platformmodule.PlatformModule.forRoot(config, {
                app: 'projector'
            }),
            _projectormodule.ProjectorModule
        ]
    }));

//# sourceMappingURL=main.js.map