"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "TransferTicketHandler", {
    enumerable: true,
    get: function() {
        return TransferTicketHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _eventsourcing = require("../../../../../libs/platform/src/commands/event-sourcing");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _emailhash = require("../../../../../libs/platform/src/security/email-hash");
const _ticketcodes = require("../../../../../libs/platform/src/security/ticket-codes");
const _transferticketcommand = require("./transfer-ticket.command");
function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
let TransferTicketHandler = class TransferTicketHandler {
    constructor(events, codes){
        this.events = events;
        this.codes = codes;
    }
    async execute({ ticketId, userId, toEmail, context }) {
        const recipient = await (0, _eventsourcing.loadStream)(this.events, (0, _contracts.emailStream)((0, _emailhash.hashEmail)(toEmail)), _domain.emailReservationDecider.evolve, _domain.emailReservationDecider.initialState);
        const stream = (0, _contracts.ticketStream)(ticketId);
        return (0, _handlecommand.handleCommand)(this.events, {
            context,
            // The recipient's reservation was read once, above: the ticket is what the append guards.
            read: (streams)=>streams.read(stream, _domain.Ticket.ticketDecider),
            decide: (ticket)=>{
                if (recipient.state.status !== 'reserved') {
                    // Someone else's ticket must answer as a missing one whatever e-mail was given, or the
                    // 404 for an unknown address would reveal that the ticket exists.
                    if (!_domain.Ticket.isIssued(ticket.state) || ticket.state.ownerId !== userId) {
                        throw new _domain.DomainError('TICKET_NOT_FOUND', `ticket ${ticketId} does not exist`, {
                            ticketId
                        });
                    }
                    throw new _domain.DomainError('USER_NOT_FOUND', 'no account is registered under that e-mail');
                }
                const decided = _domain.Ticket.decide({
                    type: 'TransferTicket',
                    data: {
                        ticketId,
                        byOwnerId: userId,
                        toOwnerId: recipient.state.userId
                    }
                }, ticket.state);
                const [transferred] = decided;
                return {
                    append: {
                        [stream]: decided
                    },
                    answer: ({ position })=>({
                            ticketId,
                            ownerId: transferred.data.toOwnerId,
                            code: this.codes.sign({
                                ticketId,
                                version: transferred.data.version
                            }),
                            position: String(position)
                        })
                };
            }
        });
    }
};
TransferTicketHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_transferticketcommand.TransferTicketCommand),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _ticketcodes.TicketCodes === "undefined" ? Object : _ticketcodes.TicketCodes
    ])
], TransferTicketHandler);

//# sourceMappingURL=transfer-ticket.handler.js.map