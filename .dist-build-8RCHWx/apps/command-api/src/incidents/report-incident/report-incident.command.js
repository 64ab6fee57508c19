"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ReportIncidentCommand", {
    enumerable: true,
    get: function() {
        return ReportIncidentCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let ReportIncidentCommand = class ReportIncidentCommand extends _cqrs.Command {
    constructor(incidentId, reporterId, request, context){
        super(), this.incidentId = incidentId, this.reporterId = reporterId, this.request = request, this.context = context;
    }
};

//# sourceMappingURL=report-incident.command.js.map