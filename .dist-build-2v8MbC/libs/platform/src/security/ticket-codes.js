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
    get MIN_TICKET_KEY_BYTES () {
        return MIN_TICKET_KEY_BYTES;
    },
    get TicketCodes () {
        return TicketCodes;
    },
    get createTicketCodes () {
        return createTicketCodes;
    }
});
const _nodecrypto = require("node:crypto");
const _keyring = require("./key-ring");
/**
 * Ticket QR codes: `T2.{kid}.{ticketId}.{version}.{signature}`, an HMAC-SHA256 over the key id,
 * the ticket id and its version under TICKET_SIGNING_KEY. The gate verifies a code without a
 * lookup; a transfer bumps the version, which supersedes the old code (the check-in decider
 * compares versions).
 *
 * Keys rotate without invalidating issued tickets: codes are signed with the newest key and
 * verified with whichever key their id names, the signing key or one of TICKET_VERIFICATION_KEYS
 * (docs/operations.md, "Key rotation"). A code whose key has been removed no longer verifies.
 * `T1.{ticketId}.{version}.{signature}` codes, issued before key ids, are tried against every key.
 */ const PREFIX = 'T2';
const LEGACY_PREFIX = 'T1';
const CODE = /^T2\.([A-Za-z0-9_-]{8})\.([A-Za-z0-9-]{1,64})\.([1-9]\d{0,8})\.([A-Za-z0-9_-]{43})$/;
const LEGACY_CODE = /^T1\.([A-Za-z0-9-]{1,64})\.([1-9]\d{0,8})\.([A-Za-z0-9_-]{43})$/;
const MIN_TICKET_KEY_BYTES = 32;
let TicketCodes = class TicketCodes {
    /** `key` signs; `verificationKeys` are older keys whose codes still verify. */ constructor(key, verificationKeys = []){
        this.keys = new _keyring.KeyRing('ticket', key, verificationKeys, MIN_TICKET_KEY_BYTES);
        this.raw = [
            key,
            ...verificationKeys
        ];
    }
    /** The signing key first, then the older ones: other signatures made with the ticket keys (admission tokens) take the same ring. */ ringKeys() {
        return this.raw;
    }
    /** The key id new codes carry. */ get keyId() {
        return this.keys.signing.kid;
    }
    sign(claims) {
        const { kid } = this.keys.signing;
        return `${PREFIX}.${kid}.${claims.ticketId}.${claims.version}.${this.mac(this.keys.signing, claims.ticketId, claims.version).toString('base64url')}`;
    }
    /** The claims of a genuine code, or null for anything forged, altered, malformed or signed by a key no longer held. */ verify(code) {
        if (typeof code !== 'string' || code.length > 200) return null;
        const match = CODE.exec(code);
        if (match) {
            const [, kid, ticketId, versionText, signature] = match;
            const key = this.keys.find(kid);
            return key && this.matches(signature, this.mac(key, ticketId, Number(versionText))) ? {
                ticketId,
                version: Number(versionText)
            } : null;
        }
        const legacy = LEGACY_CODE.exec(code);
        if (!legacy) return null;
        const [, ticketId, versionText, signature] = legacy;
        const version = Number(versionText);
        return this.keys.all.some((key)=>this.matches(signature, this.legacyMac(key, ticketId, version))) ? {
            ticketId,
            version
        } : null;
    }
    matches(signature, expected) {
        const presented = Buffer.from(signature, 'base64url');
        return presented.length === expected.length && (0, _nodecrypto.timingSafeEqual)(presented, expected);
    }
    mac(key, ticketId, version) {
        return (0, _nodecrypto.createHmac)('sha256', key.key).update(`${PREFIX}\u0000${key.kid}\u0000${ticketId}\u0000${version}`).digest();
    }
    legacyMac(key, ticketId, version) {
        return (0, _nodecrypto.createHmac)('sha256', key.key).update(`${LEGACY_PREFIX}\u0000${ticketId}\u0000${version}`).digest();
    }
};
const createTicketCodes = (config)=>{
    if (!config.key) {
        if (config.production) throw new Error('TICKET_SIGNING_KEY must be set in production');
        config.logger.warn('TICKET_SIGNING_KEY is not set: generated a development key; ticket codes will not survive a restart.');
        return new TicketCodes((0, _nodecrypto.randomBytes)(MIN_TICKET_KEY_BYTES), (0, _keyring.keysFromList)(config.verificationKeys));
    }
    return new TicketCodes(Buffer.from(config.key, 'utf8'), (0, _keyring.keysFromList)(config.verificationKeys));
};

//# sourceMappingURL=ticket-codes.js.map