"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "hashEmail", {
    enumerable: true,
    get: function() {
        return hashEmail;
    }
});
const _nodecrypto = require("node:crypto");
const _contracts = require("../../../contracts/src");
const hashEmail = (email)=>(0, _nodecrypto.createHash)('sha256').update((0, _contracts.normaliseEmail)(email), 'utf8').digest('hex');

//# sourceMappingURL=email-hash.js.map