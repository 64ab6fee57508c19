"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RecentEventsMinPosition", {
    enumerable: true,
    get: function() {
        return RecentEventsMinPosition;
    }
});
const _common = require("@nestjs/common");
const _readmodels = require("../../../../../libs/read-models/src");
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
let RecentEventsMinPosition = class RecentEventsMinPosition extends _readmodels.MinPositionInterceptorOf {
    constructor(...args){
        super(...args), this.readModels = [
            _readmodels.recentEventsDescriptor
        ];
    }
};
RecentEventsMinPosition = _ts_decorate([
    (0, _common.Injectable)()
], RecentEventsMinPosition);

//# sourceMappingURL=recent-events.min-position.js.map