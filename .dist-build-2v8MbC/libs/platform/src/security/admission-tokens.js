"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "AdmissionTokens", {
    enumerable: true,
    get: function() {
        return AdmissionTokens;
    }
});
const _nodecrypto = require("node:crypto");
const _keyring = require("./key-ring");
const _ticketcodes = require("./ticket-codes");
/**
 * Waiting-room admission tokens: `A1.{kid}.{showId}.{userId}.{queueId}.{expiresAtSeconds}.{signature}`,
 * an HMAC-SHA256 over all of it, signed with the ticket keys (TICKET_SIGNING_KEY, older ones in
 * TICKET_VERIFICATION_KEYS), under key ids of their own purpose, so a token and a ticket code are
 * never each other. Bound to the account, the show and the place; the booking command checks it
 * without a lookup (signature, account, show, expiry) and then against the place's stream (spent).
 */ const PREFIX = 'A1';
const ID = '[A-Za-z0-9-]{1,64}';
const TOKEN = new RegExp(`^A1\\.([A-Za-z0-9_-]{8})\\.(${ID})\\.(${ID})\\.(${ID})\\.([1-9]\\d{0,11})\\.([A-Za-z0-9_-]{43})$`);
let AdmissionTokens = class AdmissionTokens {
    constructor(key, verificationKeys = []){
        this.keys = new _keyring.KeyRing('admission', key, verificationKeys, _ticketcodes.MIN_TICKET_KEY_BYTES);
    }
    /** With the keys the ticket codes use. */ static from(codes) {
        const [signing, ...verifying] = codes.ringKeys();
        return new AdmissionTokens(signing, verifying);
    }
    /** The same claims always sign to the same token (a fan polling the place gets one token). */ sign(claims) {
        const seconds = Math.ceil(Date.parse(claims.expiresAt) / 1000);
        const key = this.keys.signing;
        const body = `${PREFIX}.${key.kid}.${claims.showId}.${claims.userId}.${claims.queueId}.${seconds}`;
        return `${body}.${this.mac(key, body).toString('base64url')}`;
    }
    /** The claims of a genuine token (expired or not: the decider judges time), or null for anything forged, altered or malformed. */ verify(token) {
        if (typeof token !== 'string' || token.length > 400) return null;
        const match = TOKEN.exec(token);
        if (!match) return null;
        const [, kid, showId, userId, queueId, seconds, signature] = match;
        const key = this.keys.find(kid);
        if (!key) return null;
        const expected = this.mac(key, token.slice(0, token.length - signature.length - 1));
        const presented = Buffer.from(signature, 'base64url');
        if (presented.length !== expected.length || !(0, _nodecrypto.timingSafeEqual)(presented, expected)) return null;
        return {
            showId,
            userId,
            queueId,
            expiresAt: new Date(Number(seconds) * 1000).toISOString()
        };
    }
    mac(key, body) {
        return (0, _nodecrypto.createHmac)('sha256', key.key).update(body).digest();
    }
};

//# sourceMappingURL=admission-tokens.js.map