"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "TokenEpochsFeed", {
    enumerable: true,
    get: function() {
        return TokenEpochsFeed;
    }
});
const _common = require("@nestjs/common");
const _subscriptions = require("../subscriptions/subscriptions");
const _tokenepochs = require("./token-epochs");
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
const SWEEP_EVERY_MS = 60_000;
let TokenEpochsFeed = class TokenEpochsFeed {
    constructor(subscriptions, epochs){
        this.epochs = epochs;
        this.subscription = subscriptions.create({
            name: 'token-epochs',
            filter: _tokenepochs.TOKEN_EPOCH_EVENTS,
            handler: {
                handle: async (events)=>events.forEach((event)=>this.epochs.apply(event))
            }
        });
    }
    /** Nest awaits this before the HTTP server listens: no request is judged on a partial history. */ async onApplicationBootstrap() {
        await this.subscription.start();
        await this.subscription.caughtUp;
        this.sweeper = setInterval(()=>this.epochs.sweep(), SWEEP_EVERY_MS);
        this.sweeper.unref();
    }
    async beforeApplicationShutdown() {
        clearInterval(this.sweeper);
        await this.subscription.stop();
    }
};
TokenEpochsFeed = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _subscriptions.Subscriptions === "undefined" ? Object : _subscriptions.Subscriptions,
        typeof _tokenepochs.TokenEpochs === "undefined" ? Object : _tokenepochs.TokenEpochs
    ])
], TokenEpochsFeed);

//# sourceMappingURL=token-epochs-feed.js.map