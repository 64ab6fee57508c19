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
    get KeyRing () {
        return KeyRing;
    },
    get keyIdOf () {
        return keyIdOf;
    },
    get keysFromList () {
        return keysFromList;
    }
});
const _nodecrypto = require("node:crypto");
const keyIdOf = (purpose, key)=>(0, _nodecrypto.createHash)('sha256').update(`tessera-key-id\u0000${purpose}\u0000`).update(key).digest('base64url').slice(0, 8);
let KeyRing = class KeyRing {
    constructor(purpose, signing, verifying, minBytes){
        this.byKid = new Map();
        for (const key of [
            signing,
            ...verifying
        ]){
            if (key.byteLength < minBytes) throw new Error(`every ${purpose} key must be at least ${minBytes} bytes`);
        }
        const ring = [
            signing,
            ...verifying
        ].map((key)=>({
                kid: keyIdOf(purpose, key),
                key: Buffer.from(key)
            }));
        for (const entry of ring)if (!this.byKid.has(entry.kid)) this.byKid.set(entry.kid, entry);
        this.signing = ring[0];
        this.all = [
            ...this.byKid.values()
        ];
    }
    /** The key a signature's key id names, if this ring still holds it. */ find(kid) {
        return this.byKid.get(kid);
    }
};
const keysFromList = (list)=>(list ?? []).map((key)=>Buffer.from(key, 'utf8'));

//# sourceMappingURL=key-ring.js.map