"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LoginCommand", {
    enumerable: true,
    get: function() {
        return LoginCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let LoginCommand = class LoginCommand extends _cqrs.Command {
    constructor(email, password, context){
        super(), this.email = email, this.password = password, this.context = context;
    }
};

//# sourceMappingURL=login.command.js.map