"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ConfigureWaitingRoomCommand", {
    enumerable: true,
    get: function() {
        return ConfigureWaitingRoomCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let ConfigureWaitingRoomCommand = class ConfigureWaitingRoomCommand extends _cqrs.Command {
    constructor(showId, settings, /** Drawn at the edge for the early arrivals' shuffle; kept from the first configuration on. */ seed, context){
        super(), this.showId = showId, this.settings = settings, this.seed = seed, this.context = context;
    }
};

//# sourceMappingURL=configure-waiting-room.command.js.map