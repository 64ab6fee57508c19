"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "PublishShowCommand", {
    enumerable: true,
    get: function() {
        return PublishShowCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let PublishShowCommand = class PublishShowCommand extends _cqrs.Command {
    constructor(showId, context){
        super(), this.showId = showId, this.context = context;
    }
};

//# sourceMappingURL=publish-show.command.js.map