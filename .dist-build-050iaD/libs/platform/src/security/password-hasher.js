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
    get Argon2PasswordHasher () {
        return Argon2PasswordHasher;
    },
    get OWASP_ARGON2ID () {
        return OWASP_ARGON2ID;
    },
    get PasswordHasher () {
        return PasswordHasher;
    }
});
const _argon2 = /*#__PURE__*/ _interop_require_wildcard(require("argon2"));
const _nodecrypto = require("node:crypto");
function _getRequireWildcardCache(nodeInterop) {
    if (typeof WeakMap !== "function") return null;
    var cacheBabelInterop = new WeakMap();
    var cacheNodeInterop = new WeakMap();
    return (_getRequireWildcardCache = function(nodeInterop) {
        return nodeInterop ? cacheNodeInterop : cacheBabelInterop;
    })(nodeInterop);
}
function _interop_require_wildcard(obj, nodeInterop) {
    if (!nodeInterop && obj && obj.__esModule) return obj;
    if (obj === null || typeof obj !== "object" && typeof obj !== "function") return {
        default: obj
    };
    var cache = _getRequireWildcardCache(nodeInterop);
    if (cache && cache.has(obj)) return cache.get(obj);
    var newObj = {
        __proto__: null
    };
    var hasPropertyDescriptor = Object.defineProperty && Object.getOwnPropertyDescriptor;
    for(var key in obj){
        if (key !== "default" && Object.prototype.hasOwnProperty.call(obj, key)) {
            var desc = hasPropertyDescriptor ? Object.getOwnPropertyDescriptor(obj, key) : null;
            if (desc && (desc.get || desc.set)) Object.defineProperty(newObj, key, desc);
            else newObj[key] = obj[key];
        }
    }
    newObj.default = obj;
    if (cache) cache.set(obj, newObj);
    return newObj;
}
let PasswordHasher = class PasswordHasher {
};
const OWASP_ARGON2ID = Object.freeze({
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1
});
let Argon2PasswordHasher = class Argon2PasswordHasher extends PasswordHasher {
    constructor(parameters = OWASP_ARGON2ID){
        super(), this.parameters = parameters;
    }
    hash(password) {
        return _argon2.hash(password, {
            type: _argon2.argon2id,
            ...this.parameters
        });
    }
    async verify(password, storedHash) {
        if (storedHash === undefined) {
            // Same parameters as a real hash, so an unknown account costs the same time as a wrong password.
            this.dummyHash ??= this.hash((0, _nodecrypto.randomBytes)(32).toString('base64url'));
            await _argon2.verify(await this.dummyHash, password);
            return false;
        }
        return _argon2.verify(storedHash, password);
    }
    needsRehash(storedHash) {
        return !storedHash.startsWith('$argon2id$') || _argon2.needsRehash(storedHash, this.parameters);
    }
};

//# sourceMappingURL=password-hasher.js.map