"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
require("reflect-metadata");
const _bootstrap = require("../../../libs/platform/src/bootstrap");
const _standalonemodule = require("./standalone.module");
void (0, _bootstrap.runHttpApp)('standalone', (config)=>_standalonemodule.StandaloneModule.forRoot(config));

//# sourceMappingURL=main.js.map