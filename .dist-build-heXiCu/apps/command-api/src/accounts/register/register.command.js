"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RegisterAccountCommand", {
    enumerable: true,
    get: function() {
        return RegisterAccountCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let RegisterAccountCommand = class RegisterAccountCommand extends _cqrs.Command {
    constructor(/** Fresh per request, or derived from the Idempotency-Key so a retried request names the same account. */ userId, email, password, displayName, context){
        super(), this.userId = userId, this.email = email, this.password = password, this.displayName = displayName, this.context = context;
    }
};

//# sourceMappingURL=register.command.js.map