"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LiveFeedModule", {
    enumerable: true,
    get: function() {
        return LiveFeedModule;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _livefeed = require("./live-feed");
const _recenteventshandler = require("./recent-events/recent-events.handler");
const _recenteventshttpcontroller = require("./recent-events/recent-events.http.controller");
const _recenteventsminposition = require("./recent-events/recent-events.min-position");
const _livestreamhttpcontroller = require("./stream/live-stream.http.controller");
const _streamtokens = require("./stream-tokens/stream-tokens");
const _streamtokenshttpcontroller = require("./stream-tokens/stream-tokens.http.controller");
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
let LiveFeedModule = class LiveFeedModule {
};
LiveFeedModule = _ts_decorate([
    (0, _common.Module)({
        imports: [
            _cqrs.CqrsModule
        ],
        controllers: [
            _streamtokenshttpcontroller.StreamTokensHttpController,
            _livestreamhttpcontroller.LiveStreamHttpController,
            _recenteventshttpcontroller.RecentEventsHttpController
        ],
        providers: [
            _livefeed.LiveFeed,
            _streamtokens.StreamTokens,
            _recenteventshandler.RecentEventsHandler,
            _recenteventsminposition.RecentEventsMinPosition
        ]
    })
], LiveFeedModule);

//# sourceMappingURL=live-feed.module.js.map