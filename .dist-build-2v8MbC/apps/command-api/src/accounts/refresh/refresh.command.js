"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RefreshSessionCommand", {
    enumerable: true,
    get: function() {
        return RefreshSessionCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let RefreshSessionCommand = class RefreshSessionCommand extends _cqrs.Command {
    constructor(refreshToken, context){
        super(), this.refreshToken = refreshToken, this.context = context;
    }
};

//# sourceMappingURL=refresh.command.js.map