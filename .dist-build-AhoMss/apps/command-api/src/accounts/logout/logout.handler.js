"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LogoutHandler", {
    enumerable: true,
    get: function() {
        return LogoutHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _tokenepochs = require("../../../../../libs/platform/src/auth/token-epochs");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _tokenservice = require("../../../../../libs/platform/src/security/token-service");
const _accountsstreams = require("../accounts.streams");
const _logoutcommand = require("./logout.command");
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
let LogoutHandler = class LogoutHandler {
    constructor(store, tokens, epochs){
        this.store = store;
        this.tokens = tokens;
        this.epochs = epochs;
    }
    async execute({ refreshToken, context }) {
        const presented = this.tokens.parseRefreshToken(refreshToken);
        if (!presented) return {
            position: null
        };
        const stream = (0, _contracts.refreshFamilyStream)(presented.familyId);
        return (0, _handlecommand.handleCommand)(this.store, {
            context,
            attempts: 5,
            read: async (streams)=>{
                const family = await streams.read(stream, _accountsstreams.refreshFamilyModel);
                const account = family.state.status === 'none' ? undefined : await streams.read((0, _contracts.accountStream)(family.state.userId), _accountsstreams.accountModel);
                return {
                    family: family.state,
                    account: account?.state
                };
            },
            decide: ({ family, account })=>{
                const events = (0, _domain.decideRefreshFamily)({
                    type: 'RevokeRefreshFamily',
                    data: {
                        reason: 'logout',
                        presentedHash: presented.tokenHash
                    }
                }, family);
                if (events.length === 0 || family.status === 'none') return {
                    answer: {
                        position: null
                    }
                };
                const { userId } = family;
                const signedOut = account?.status === 'registered' ? (0, _domain.decideAccount)({
                    type: 'SignOut',
                    data: {
                        familyId: presented.familyId
                    }
                }, account) : [];
                return {
                    append: {
                        [stream]: events,
                        [(0, _contracts.accountStream)(userId)]: signedOut
                    },
                    context: {
                        ...context,
                        actorId: userId
                    },
                    answer: (appended)=>{
                        const accountAppend = appended.streams.find((result)=>result.stream === (0, _contracts.accountStream)(userId));
                        if (accountAppend) this.epochs.revoke(userId, accountAppend.nextRevision, context.now.getTime());
                        return {
                            position: String(appended.position)
                        };
                    }
                };
            }
        });
    }
};
LogoutHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_logoutcommand.LogoutCommand),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _tokenservice.TokenService === "undefined" ? Object : _tokenservice.TokenService,
        typeof _tokenepochs.TokenEpochs === "undefined" ? Object : _tokenepochs.TokenEpochs
    ])
], LogoutHandler);

//# sourceMappingURL=logout.handler.js.map