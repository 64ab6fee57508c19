"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "TransferTicketCommand", {
    enumerable: true,
    get: function() {
        return TransferTicketCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let TransferTicketCommand = class TransferTicketCommand extends _cqrs.Command {
    constructor(ticketId, /** The caller, who must own the ticket. */ userId, toEmail, context){
        super(), this.ticketId = ticketId, this.userId = userId, this.toEmail = toEmail, this.context = context;
    }
};

//# sourceMappingURL=transfer-ticket.command.js.map