"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LeaveWaitlistCommand", {
    enumerable: true,
    get: function() {
        return LeaveWaitlistCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let LeaveWaitlistCommand = class LeaveWaitlistCommand extends _cqrs.Command {
    constructor(showId, entryId, userId, context){
        super(), this.showId = showId, this.entryId = entryId, this.userId = userId, this.context = context;
    }
};

//# sourceMappingURL=leave-waitlist.command.js.map