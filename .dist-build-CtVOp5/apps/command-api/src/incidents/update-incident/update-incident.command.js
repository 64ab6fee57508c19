"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "UpdateIncidentCommand", {
    enumerable: true,
    get: function() {
        return UpdateIncidentCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let UpdateIncidentCommand = class UpdateIncidentCommand extends _cqrs.Command {
    constructor(incidentId, staffId, changes, context){
        super(), this.incidentId = incidentId, this.staffId = staffId, this.changes = changes, this.context = context;
    }
};

//# sourceMappingURL=update-incident.command.js.map