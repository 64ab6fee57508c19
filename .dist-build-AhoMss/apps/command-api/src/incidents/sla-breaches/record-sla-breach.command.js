"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RecordSlaBreachCommand", {
    enumerable: true,
    get: function() {
        return RecordSlaBreachCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let RecordSlaBreachCommand = class RecordSlaBreachCommand extends _cqrs.Command {
    constructor(incidentId, kind, now){
        super(), this.incidentId = incidentId, this.kind = kind, this.now = now;
    }
};

//# sourceMappingURL=record-sla-breach.command.js.map