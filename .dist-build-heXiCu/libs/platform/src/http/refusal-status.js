"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RefusalWithStatus", {
    enumerable: true,
    get: function() {
        return RefusalWithStatus;
    }
});
const _domain = require("../../../domain/src");
let RefusalWithStatus = class RefusalWithStatus extends _domain.DomainError {
    constructor(refusal, status){
        super(refusal.code, refusal.message, refusal.details), this.status = status;
        this.name = 'RefusalWithStatus';
    }
};

//# sourceMappingURL=refusal-status.js.map