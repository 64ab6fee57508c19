"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CreateShowCommand", {
    enumerable: true,
    get: function() {
        return CreateShowCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let CreateShowCommand = class CreateShowCommand extends _cqrs.Command {
    constructor(showId, request, context){
        super(), this.showId = showId, this.request = request, this.context = context;
    }
};

//# sourceMappingURL=create-show.command.js.map