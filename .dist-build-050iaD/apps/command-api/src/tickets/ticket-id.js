"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ticketIdFromPath", {
    enumerable: true,
    get: function() {
        return ticketIdFromPath;
    }
});
const _contracts = require("../../../../libs/contracts/src");
const _domain = require("../../../../libs/domain/src");
const ticketIdFromPath = (ticketId)=>{
    if (!_contracts.ENTITY_ID_PATTERN.test(ticketId)) throw new _domain.DomainError('TICKET_NOT_FOUND', 'no such ticket', {});
    return ticketId;
};

//# sourceMappingURL=ticket-id.js.map