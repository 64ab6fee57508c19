"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CheckInCommand", {
    enumerable: true,
    get: function() {
        return CheckInCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let CheckInCommand = class CheckInCommand extends _cqrs.Command {
    constructor(/** The scanned code, unverified. */ code, staffId, context){
        super(), this.code = code, this.staffId = staffId, this.context = context;
    }
};

//# sourceMappingURL=check-in.command.js.map