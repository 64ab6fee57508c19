"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "SetDeviceRulesCommand", {
    enumerable: true,
    get: function() {
        return SetDeviceRulesCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let SetDeviceRulesCommand = class SetDeviceRulesCommand extends _cqrs.Command {
    constructor(rules, context){
        super(), this.rules = rules, this.context = context;
    }
};

//# sourceMappingURL=set-device-rules.command.js.map