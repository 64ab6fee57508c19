"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LogoutCommand", {
    enumerable: true,
    get: function() {
        return LogoutCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let LogoutCommand = class LogoutCommand extends _cqrs.Command {
    constructor(refreshToken, context){
        super(), this.refreshToken = refreshToken, this.context = context;
    }
};

//# sourceMappingURL=logout.command.js.map