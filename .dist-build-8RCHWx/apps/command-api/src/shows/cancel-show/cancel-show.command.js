"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CancelShowCommand", {
    enumerable: true,
    get: function() {
        return CancelShowCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let CancelShowCommand = class CancelShowCommand extends _cqrs.Command {
    constructor(showId, reason, context){
        super(), this.showId = showId, this.reason = reason, this.context = context;
    }
};

//# sourceMappingURL=cancel-show.command.js.map