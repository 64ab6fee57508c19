"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ProjectorModule", {
    enumerable: true,
    get: function() {
        return ProjectorModule;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _readmodels = require("../../../libs/read-models/src");
const _holdreleasemetrics = require("./hold-release-metrics");
const _projector = require("./projector");
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
let ProjectorModule = class ProjectorModule {
};
ProjectorModule = _ts_decorate([
    (0, _common.Module)({
        imports: [
            _cqrs.CqrsModule
        ],
        providers: [
            _projector.Projector,
            {
                provide: _readmodels.ProjectionProgress,
                useExisting: _projector.Projector
            },
            _holdreleasemetrics.HoldReleaseMetrics
        ],
        exports: [
            _projector.Projector,
            _readmodels.ProjectionProgress
        ]
    })
], ProjectorModule);

//# sourceMappingURL=projector.module.js.map