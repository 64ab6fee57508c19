"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LoginHandler", {
    enumerable: true,
    get: function() {
        return LoginHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _tokenepochs = require("../../../../../libs/platform/src/auth/token-epochs");
const _eventsourcing = require("../../../../../libs/platform/src/commands/event-sourcing");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _passwordhasher = require("../../../../../libs/platform/src/security/password-hasher");
const _tokenservice = require("../../../../../libs/platform/src/security/token-service");
const _accountsstreams = require("../accounts.streams");
const _accountstokens = require("../accounts.tokens");
const _logincommand = require("./login.command");
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
let LoginHandler = class LoginHandler {
    constructor(store, hasher, tokens){
        this.store = store;
        this.hasher = hasher;
        this.tokens = tokens;
    }
    async execute({ email, password, context }) {
        const loaded = await (0, _accountsstreams.loadAccountByEmail)(this.store, email);
        const account = loaded?.state;
        const valid = await this.hasher.verify(password, account?.passwordHash);
        if (!loaded || !account || !valid) throw new _domain.DomainError('INVALID_CREDENTIALS', 'The e-mail or password is not correct.');
        const refresh = this.tokens.issueRefreshToken();
        const stream = (0, _contracts.refreshFamilyStream)(refresh.familyId);
        const started = (0, _domain.decideRefreshFamily)({
            type: 'StartRefreshFamily',
            data: {
                familyId: refresh.familyId,
                userId: account.userId,
                tokenHash: refresh.tokenHash,
                expiresAt: refresh.expiresAt
            }
        }, _domain.initialRefreshFamily);
        // The family id is fresh randomness, so "no stream" cannot conflict but for a broken generator.
        const appended = await this.store.append(stream, (0, _eventsourcing.toAppend)(stream, started, {
            ...context,
            actorId: account.userId
        }), {
            expectedRevision: 'no_stream'
        });
        return (0, _accountstokens.tokenResponse)(this.tokens, {
            ...account,
            epoch: (0, _tokenepochs.accessEpochOf)(loaded.events)
        }, refresh.token, appended.position);
    }
};
LoginHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_logincommand.LoginCommand),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _passwordhasher.PasswordHasher === "undefined" ? Object : _passwordhasher.PasswordHasher,
        typeof _tokenservice.TokenService === "undefined" ? Object : _tokenservice.TokenService
    ])
], LoginHandler);

//# sourceMappingURL=login.handler.js.map