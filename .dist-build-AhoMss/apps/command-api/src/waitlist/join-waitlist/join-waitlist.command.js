"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "JoinWaitlistCommand", {
    enumerable: true,
    get: function() {
        return JoinWaitlistCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let JoinWaitlistCommand = class JoinWaitlistCommand extends _cqrs.Command {
    constructor(showId, entryId, userId, categoryId, seats, context){
        super(), this.showId = showId, this.entryId = entryId, this.userId = userId, this.categoryId = categoryId, this.seats = seats, this.context = context;
    }
};

//# sourceMappingURL=join-waitlist.command.js.map