"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get SPENT_STREAM_TOKENS () {
        return SPENT_STREAM_TOKENS;
    },
    get StreamTokens () {
        return StreamTokens;
    }
});
const _common = require("@nestjs/common");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _tokenepochs = require("../../../../../libs/platform/src/auth/token-epochs");
const _readstoreport = require("../../../../../libs/platform/src/read-store/read-store.port");
const _tokenservice = require("../../../../../libs/platform/src/security/token-service");
const _clock = require("../../../../../libs/platform/src/time/clock");
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
const SPENT_STREAM_TOKENS = 'stream_tokens_spent';
const PURGE_EVERY_MS = 60_000;
const refused = ()=>new _domain.DomainError('UNAUTHENTICATED', 'The stream token is not valid, was used already or has expired: create a new one.');
let StreamTokens = class StreamTokens {
    constructor(tokens, epochs, clock, reads){
        this.tokens = tokens;
        this.epochs = epochs;
        this.clock = clock;
        this.lastPurge = 0;
        this.spent = reads.collection(SPENT_STREAM_TOKENS);
    }
    async issue(user) {
        const issued = await this.tokens.issueStreamToken({
            userId: user.userId,
            roles: user.roles,
            epoch: user.epoch
        }, _contracts.STREAM_TOKEN_TTL_SECONDS);
        await this.purgeIfDue();
        return {
            token: issued.accessToken,
            expiresIn: issued.expiresIn
        };
    }
    /** The user the token was issued to; spends it. Throws UNAUTHENTICATED for a bad, spent or expired token. */ async redeem(token) {
        if (typeof token !== 'string') throw refused();
        const principal = await this.tokens.verifyStreamToken(token).catch(()=>{
            throw refused();
        });
        if (!this.epochs.isCurrent(principal.userId, principal.epoch)) throw refused();
        const keepUntil = new Date(principal.expiresAt.getTime() + 2 * _tokenservice.CLOCK_TOLERANCE_SECONDS * 1000).toISOString();
        try {
            await this.spent.insertOne({
                _id: principal.tokenId,
                expiresAt: keepUntil
            });
        } catch (error) {
            if (error instanceof _readstoreport.DuplicateKeyError) throw refused();
            throw error;
        }
        return {
            userId: principal.userId,
            roles: principal.roles,
            epoch: principal.epoch
        };
    }
    async purgeIfDue() {
        const now = this.clock.now().getTime();
        if (now - this.lastPurge < PURGE_EVERY_MS) return;
        this.lastPurge = now;
        await this.spent.deleteMany({
            expiresAt: {
                $lt: new Date(now).toISOString()
            }
        });
    }
};
StreamTokens = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _tokenservice.TokenService === "undefined" ? Object : _tokenservice.TokenService,
        typeof _tokenepochs.TokenEpochs === "undefined" ? Object : _tokenepochs.TokenEpochs,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock,
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore
    ])
], StreamTokens);

//# sourceMappingURL=stream-tokens.js.map