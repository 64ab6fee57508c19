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
    get TOKEN_EPOCH_EVENTS () {
        return TOKEN_EPOCH_EVENTS;
    },
    get TokenEpochs () {
        return TokenEpochs;
    },
    get accessEpochOf () {
        return accessEpochOf;
    }
});
const _contracts = require("../../../contracts/src");
const _tokenservice = require("../security/token-service");
/**
 * Token epochs: how a role change or a sign-out ends a user's access tokens at once, without a
 * store round trip per request.
 *
 * A user's epoch is the account-stream revision of the newest event that revokes access
 * (ACCESS_REVOKING_EVENT_TYPES: a role change, a sign-out); 0 when there is none. Login and
 * refresh read the account stream anyway and put its epoch into the access token (`epoch`
 * claim). Every process keeps the newest epoch of each user in memory, learnt from the log:
 * read in full at start-up (before the server takes requests, so a restart forgets nothing),
 * then followed live by a catch-up subscription (so every command-api and query-api instance
 * learns a change another one wrote). The guard refuses a token whose epoch is older.
 *
 * Only revisions are compared, so applying an event twice, or hearing of it from the handler
 * that wrote it and then again from the log, changes nothing. A revocation is forgotten once
 * every token it could end has expired, so memory holds only the last token lifetime's worth.
 */ const ACCOUNT_STREAM_PREFIX = 'account-';
const REVOKING = new Set(_contracts.ACCESS_REVOKING_EVENT_TYPES);
/** A token older than its revocation was issued before it, so it expires within a lifetime of it; plus room for clock skew. */ const RETAIN_MS = (_tokenservice.ACCESS_TOKEN_TTL_SECONDS + _tokenservice.CLOCK_TOLERANCE_SECONDS) * 1000 + 5 * 60 * 1000;
const TOKEN_EPOCH_EVENTS = {
    eventTypes: _contracts.ACCESS_REVOKING_EVENT_TYPES,
    streamPrefixes: [
        ACCOUNT_STREAM_PREFIX
    ]
};
const accessEpochOf = (events)=>{
    for(let i = events.length - 1; i >= 0; i--)if (REVOKING.has(events[i].type)) return events[i].revision;
    return 0;
};
let TokenEpochs = class TokenEpochs {
    constructor(now = Date.now){
        this.now = now;
        this.revocations = new Map();
    }
    /** Tokens of `userId` with an epoch below `epoch` stop passing; `at` is when it happened (epoch-millis). */ revoke(userId, epoch, at) {
        const forgetAfter = at + RETAIN_MS;
        if (forgetAfter <= this.now()) return;
        const known = this.revocations.get(userId);
        if (!known || epoch > known.epoch) this.revocations.set(userId, {
            epoch,
            forgetAfter
        });
        else if (epoch === known.epoch && forgetAfter > known.forgetAfter) known.forgetAfter = forgetAfter;
    }
    /** True unless a newer revocation than `epoch` is known for the user. */ isCurrent(userId, epoch) {
        const known = this.revocations.get(userId);
        if (!known) return true;
        if (known.forgetAfter <= this.now()) {
            this.revocations.delete(userId);
            return true;
        }
        return epoch >= known.epoch;
    }
    /** Drops revocations whose tokens have all expired. */ sweep() {
        const now = this.now();
        for (const [userId, known] of this.revocations)if (known.forgetAfter <= now) this.revocations.delete(userId);
    }
    get size() {
        return this.revocations.size;
    }
    /** Applies an access-revoking event of an account stream; any other event is ignored. */ apply(event) {
        if (!REVOKING.has(event.type) || !event.stream.startsWith(ACCOUNT_STREAM_PREFIX)) return;
        const at = Date.parse(event.recordedAt);
        this.revoke(event.stream.slice(ACCOUNT_STREAM_PREFIX.length), event.revision, Number.isNaN(at) ? this.now() : at);
    }
};

//# sourceMappingURL=token-epochs.js.map