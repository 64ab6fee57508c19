"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ChangeRolesCommand", {
    enumerable: true,
    get: function() {
        return ChangeRolesCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let ChangeRolesCommand = class ChangeRolesCommand extends _cqrs.Command {
    constructor(userId, roles, context){
        super(), this.userId = userId, this.roles = roles, this.context = context;
    }
};

//# sourceMappingURL=change-roles.command.js.map