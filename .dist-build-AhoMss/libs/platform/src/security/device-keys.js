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
    get DEVICE_KEY_BYTES () {
        return DEVICE_KEY_BYTES;
    },
    get DeviceKeys () {
        return DeviceKeys;
    },
    get createDeviceKeys () {
        return createDeviceKeys;
    }
});
const _nodecrypto = require("node:crypto");
const DEVICE_KEY_BYTES = 32;
const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** Development only: hashes made with it mean nothing in production, where the secret is required. */ const DEVELOPMENT_SECRET = 'tessera-development-device-key-secret-do-not-use';
let DeviceKeys = class DeviceKeys {
    constructor(secret){
        if (secret.length < 32) throw new Error('the device key secret must be at least 32 characters');
        this.secret = Buffer.from(secret, 'utf8');
        this.dummyHash = this.mac('\u0000no-device');
    }
    /** A new key, and the hash to store. */ issue() {
        const key = (0, _nodecrypto.randomBytes)(DEVICE_KEY_BYTES).toString('base64url');
        return {
            key,
            hash: this.hash(key)
        };
    }
    hash(key) {
        return this.mac(key).toString('base64url');
    }
    /** True when `presented` is the key whose hash is `storedHash`; `storedHash` undefined (no such device) is always false, in the same time. */ verify(presented, storedHash) {
        const wellFormed = typeof presented === 'string' && KEY_PATTERN.test(presented);
        const expected = storedHash === undefined ? this.dummyHash : Buffer.from(storedHash, 'base64url');
        const actual = this.mac(wellFormed ? presented : '\u0000malformed');
        const same = actual.length === expected.length && (0, _nodecrypto.timingSafeEqual)(actual, expected);
        return same && wellFormed && storedHash !== undefined;
    }
    mac(key) {
        return (0, _nodecrypto.createHmac)('sha256', this.secret).update(key, 'utf8').digest();
    }
};
const createDeviceKeys = (config)=>{
    if (config.secret) return new DeviceKeys(config.secret);
    if (config.production) throw new Error('DEVICE_KEY_SECRET must be set in production');
    config.logger.warn('DEVICE_KEY_SECRET is not set: device keys are hashed with a fixed development secret.');
    return new DeviceKeys(DEVELOPMENT_SECRET);
};

//# sourceMappingURL=device-keys.js.map