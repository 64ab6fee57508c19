"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "retryAfterWhilePaying", {
    enumerable: true,
    get: function() {
        return retryAfterWhilePaying;
    }
});
const _domain = require("../../../../libs/domain/src");
const retryAfterWhilePaying = (error, res)=>{
    if (error instanceof _domain.DomainError && error.details.paymentInProgress === true) res.header('Retry-After', '1');
};

//# sourceMappingURL=payment-in-progress.js.map