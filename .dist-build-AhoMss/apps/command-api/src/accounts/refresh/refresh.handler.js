"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RefreshSessionHandler", {
    enumerable: true,
    get: function() {
        return RefreshSessionHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _tokenepochs = require("../../../../../libs/platform/src/auth/token-epochs");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _platformmodule = require("../../../../../libs/platform/src/platform.module");
const _tokenservice = require("../../../../../libs/platform/src/security/token-service");
const _clock = require("../../../../../libs/platform/src/time/clock");
const _accountsstreams = require("../accounts.streams");
const _accountstokens = require("../accounts.tokens");
const _refreshcommand = require("./refresh.command");
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
const invalid = ()=>new _domain.DomainError('INVALID_REFRESH_TOKEN', 'The refresh token is not valid.');
let RefreshSessionHandler = class RefreshSessionHandler {
    constructor(store, tokens, clock, config){
        this.store = store;
        this.tokens = tokens;
        this.clock = clock;
        this.config = config;
    }
    async execute({ refreshToken, context }) {
        const presented = this.tokens.parseRefreshToken(refreshToken);
        if (!presented) throw invalid();
        const stream = (0, _contracts.refreshFamilyStream)(presented.familyId);
        return (0, _handlecommand.handleCommand)(this.store, {
            context,
            attempts: 5,
            read: (streams)=>streams.read(stream, _accountsstreams.refreshFamilyModel),
            decide: (family)=>{
                if (family.state.status === 'none') throw invalid();
                const userId = family.state.userId;
                const next = this.tokens.issueRefreshToken(presented.familyId);
                const events = (0, _domain.decideRefreshFamily)({
                    type: 'RotateRefreshToken',
                    data: {
                        presentedHash: presented.tokenHash,
                        newHash: next.tokenHash,
                        expiresAt: next.expiresAt,
                        graceMs: this.config.REFRESH_REUSE_GRACE_MS
                    },
                    metadata: {
                        now: this.clock.now().toISOString()
                    }
                }, family.state);
                return {
                    append: {
                        [stream]: events
                    },
                    context: {
                        ...context,
                        actorId: userId
                    },
                    answer: async ({ position })=>{
                        if ((0, _domain.isReuseDetected)(events)) {
                            throw new _domain.DomainError('REFRESH_TOKEN_REUSED', 'This refresh token was already used: the session is revoked; sign in again.');
                        }
                        const account = await (0, _accountsstreams.loadAccount)(this.store, userId);
                        if (account.state.status !== 'registered') throw invalid();
                        return (0, _accountstokens.tokenResponse)(this.tokens, {
                            ...account.state,
                            epoch: (0, _tokenepochs.accessEpochOf)(account.events)
                        }, next.token, position);
                    }
                };
            }
        });
    }
};
RefreshSessionHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_refreshcommand.RefreshSessionCommand),
    _ts_param(3, (0, _platformmodule.InjectConfig)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _tokenservice.TokenService === "undefined" ? Object : _tokenservice.TokenService,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock,
        typeof TesseraConfig === "undefined" ? Object : TesseraConfig
    ])
], RefreshSessionHandler);

//# sourceMappingURL=refresh.handler.js.map