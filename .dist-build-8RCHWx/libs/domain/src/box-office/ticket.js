"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get decide () {
        return decide;
    },
    get evolve () {
        return evolve;
    },
    get initialState () {
        return initialState;
    },
    get isIssued () {
        return isIssued;
    },
    get ticketDecider () {
        return ticketDecider;
    }
});
const _domainerror = require("../domain-error");
const initialState = {
    status: 'none'
};
const isIssued = (ticket)=>ticket.status !== 'none';
const evolve = (state, event)=>{
    switch(event.type){
        case 'ticket.issued.v1':
            return {
                ...event.data,
                status: 'valid'
            };
        case 'ticket.transferred.v1':
            return isIssued(state) ? {
                ...state,
                ownerId: event.data.toOwnerId,
                version: event.data.version
            } : state;
        case 'ticket.checked-in.v1':
            return isIssued(state) ? {
                ...state,
                status: 'checked_in',
                checkedInAt: event.data.checkedInAt
            } : state;
        case 'ticket.voided.v1':
            return isIssued(state) ? {
                ...state,
                status: 'void',
                voidReason: event.data.reason
            } : state;
        default:
            {
                const _exhaustive = event;
                return state;
            }
    }
};
const decide = (command, state)=>{
    switch(command.type){
        case 'IssueTicket':
            {
                if (isIssued(state)) {
                    throw new _domainerror.DomainError('INVALID_TICKET_STATE', `ticket ${command.data.ticketId} was already issued`, {
                        status: state.status
                    });
                }
                return [
                    {
                        type: 'ticket.issued.v1',
                        data: {
                            ...command.data,
                            version: 1
                        }
                    }
                ];
            }
        case 'TransferTicket':
            {
                const { ticketId, byOwnerId, toOwnerId } = command.data;
                // Someone else's ticket answers exactly like a missing one (API.md: 404, do not reveal).
                if (!isIssued(state) || state.ownerId !== byOwnerId) {
                    throw new _domainerror.DomainError('TICKET_NOT_FOUND', `ticket ${ticketId} does not exist`, {
                        ticketId
                    });
                }
                if (state.status !== 'valid') {
                    throw new _domainerror.DomainError('INVALID_TICKET_STATE', `a ticket that is ${state.status} cannot be transferred`, {
                        status: state.status
                    });
                }
                // A well-formed request that the ticket's present owner makes pointless: a conflict with
                // its state (409, as API.md lists for transfers), not a malformed body.
                if (toOwnerId === state.ownerId) {
                    throw new _domainerror.DomainError('INVALID_TICKET_STATE', 'the ticket already belongs to that account', {
                        status: state.status
                    });
                }
                return [
                    {
                        type: 'ticket.transferred.v1',
                        data: {
                            ticketId,
                            fromOwnerId: state.ownerId,
                            toOwnerId,
                            version: state.version + 1
                        }
                    }
                ];
            }
        case 'CheckIn':
            {
                const { ticketId, version, staffId, gate } = command.data;
                // Unknown, void and superseded codes are one answer: the code does not admit anyone.
                if (!isIssued(state) || state.status === 'void' || version !== state.version) {
                    throw new _domainerror.DomainError('INVALID_TICKET', 'the code does not belong to a valid ticket', {
                        ticketId
                    });
                }
                if (state.status === 'checked_in') {
                    throw new _domainerror.DomainError('ALREADY_CHECKED_IN', `ticket ${ticketId} was checked in at ${state.checkedInAt}`, {
                        ticketId,
                        checkedInAt: state.checkedInAt
                    });
                }
                const { showId, seatId } = state;
                return [
                    {
                        type: 'ticket.checked-in.v1',
                        data: {
                            ticketId,
                            showId,
                            seatId,
                            version,
                            checkedInAt: command.metadata.now,
                            byStaffId: staffId,
                            ...gate === undefined ? {} : {
                                gate
                            }
                        }
                    }
                ];
            }
        case 'VoidTicket':
            {
                const { ticketId, reason } = command.data;
                if (!isIssued(state)) throw new _domainerror.DomainError('TICKET_NOT_FOUND', `ticket ${ticketId} does not exist`, {
                    ticketId
                });
                // Refunds and show cancellations may sweep a ticket twice.
                if (state.status === 'void') return [];
                const { bookingId, showId, seatId } = state;
                return [
                    {
                        type: 'ticket.voided.v1',
                        data: {
                            ticketId,
                            bookingId,
                            showId,
                            seatId,
                            reason
                        }
                    }
                ];
            }
        default:
            {
                const _exhaustive = command;
                throw new Error(`unknown ticket command ${JSON.stringify(_exhaustive)}`);
            }
    }
};
const ticketDecider = {
    initialState,
    evolve,
    decide
};

//# sourceMappingURL=ticket.js.map