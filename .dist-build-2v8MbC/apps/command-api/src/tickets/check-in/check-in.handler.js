"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CheckInHandler", {
    enumerable: true,
    get: function() {
        return CheckInHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _ticketcodes = require("../../../../../libs/platform/src/security/ticket-codes");
const _checkincommand = require("./check-in.command");
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
let CheckInHandler = class CheckInHandler {
    constructor(events, codes){
        this.events = events;
        this.codes = codes;
    }
    async execute({ code, staffId, context }) {
        const claims = this.codes.verify(code);
        if (!claims) throw new _domain.DomainError('INVALID_TICKET', 'the code does not belong to a valid ticket');
        const { ticketId, version } = claims;
        const stream = (0, _contracts.ticketStream)(ticketId);
        return (0, _handlecommand.handleCommand)(this.events, {
            context,
            read: (streams)=>streams.read(stream, _domain.Ticket.ticketDecider),
            decide: (ticket)=>{
                const decided = _domain.Ticket.decide({
                    type: 'CheckIn',
                    data: {
                        ticketId,
                        version,
                        staffId
                    },
                    metadata: {
                        now: context.now.toISOString()
                    }
                }, ticket.state);
                const [checkedIn] = decided;
                const { showId, seatId, checkedInAt } = checkedIn.data;
                return {
                    append: {
                        [stream]: decided
                    },
                    answer: ({ position })=>({
                            ticketId,
                            showId,
                            seatId,
                            checkedInAt,
                            position: String(position)
                        })
                };
            }
        });
    }
};
CheckInHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_checkincommand.CheckInCommand),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _ticketcodes.TicketCodes === "undefined" ? Object : _ticketcodes.TicketCodes
    ])
], CheckInHandler);

//# sourceMappingURL=check-in.handler.js.map