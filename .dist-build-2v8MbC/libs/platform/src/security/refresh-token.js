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
    get hashRefreshToken () {
        return hashRefreshToken;
    },
    get mintRefreshToken () {
        return mintRefreshToken;
    },
    get parseRefreshToken () {
        return parseRefreshToken;
    }
});
const _nodecrypto = require("node:crypto");
/**
 * Refresh tokens are opaque `{familyId}.{secret}` strings, not JWTs: nothing that verifies access
 * tokens can accept one, and they mean nothing without the family stream. The secret is 256
 * random bits; only its SHA-256 is stored, so a leaked event log does not leak live tokens
 * (a fast hash suffices: the input has full entropy, unlike a password).
 */ const FAMILY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const REFRESH_TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;
const SECRET_BYTES = 32;
const hashRefreshToken = (token)=>(0, _nodecrypto.createHash)('sha256').update(token, 'utf8').digest('hex');
const mintRefreshToken = (familyId = (0, _nodecrypto.randomUUID)())=>{
    if (!FAMILY_ID.test(familyId)) throw new Error('a refresh family id is a lowercase UUID');
    const token = `${familyId}.${(0, _nodecrypto.randomBytes)(SECRET_BYTES).toString('base64url')}`;
    return {
        familyId,
        token,
        tokenHash: hashRefreshToken(token)
    };
};
const parseRefreshToken = (token)=>{
    if (typeof token !== 'string' || token.length > 80) return null;
    const match = REFRESH_TOKEN.exec(token);
    if (!match) return null;
    const secret = Buffer.from(match[2], 'base64url');
    if (secret.length !== SECRET_BYTES || secret.toString('base64url') !== match[2]) return null;
    return {
        familyId: match[1],
        tokenHash: hashRefreshToken(token)
    };
};

//# sourceMappingURL=refresh-token.js.map