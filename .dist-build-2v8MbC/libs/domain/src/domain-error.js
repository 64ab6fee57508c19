/**
 * A refusal of a command by a business rule. `code` is the stable UPPER_SNAKE code clients see;
 * the API's exception filter maps it to an HTTP status.
 */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "DomainError", {
    enumerable: true,
    get: function() {
        return DomainError;
    }
});
let DomainError = class DomainError extends Error {
    constructor(code, message, details = {}){
        super(message), this.code = code, this.details = details;
        this.name = 'DomainError';
    }
};

//# sourceMappingURL=domain-error.js.map