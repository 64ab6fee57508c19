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
    get accountStream () {
        return accountStream;
    },
    get emailStream () {
        return emailStream;
    },
    get refreshFamilyStream () {
        return refreshFamilyStream;
    }
});
/**
 * Stream names of the accounts part. The e-mail reservation stream is named after a hash of the
 * normalised address (computed by the caller, which may use crypto): stream names stay short, of
 * one alphabet, and do not spell the address out in every stream listing.
 */ const SHA256_HEX = /^[0-9a-f]{64}$/;
const accountStream = (userId)=>`account-${userId}`;
const emailStream = (emailHash)=>{
    if (!SHA256_HEX.test(emailHash)) throw new Error('emailStream takes the SHA-256 hex of the normalised e-mail');
    return `email-${emailHash}`;
};
const refreshFamilyStream = (familyId)=>`refresh-family-${familyId}`;

//# sourceMappingURL=streams.js.map