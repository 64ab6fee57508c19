import type { TicketEvent, TicketStatus, TicketVoidReason } from '@tessera/contracts';
import type { Decider } from '../decider';
import { DomainError } from '../domain-error';

/**
 * Ticket: the right to one seat at one show, held by an owner. Stream `ticket-{ticketId}`.
 * Its QR code is signed over (ticketId, version); a transfer bumps the version, so the code the
 * previous owner kept is refused at the gate without any lookup of who owns what.
 */

export interface IssuedTicket {
  status: TicketStatus;
  ticketId: string;
  bookingId: string;
  showId: string;
  seatId: string;
  ownerId: string;
  version: number;
  checkedInAt?: string;
  voidReason?: TicketVoidReason;
}

export type TicketState = { status: 'none' } | IssuedTicket;

export const initialState: TicketState = { status: 'none' };

export type IssueTicket = {
  type: 'IssueTicket';
  data: { ticketId: string; bookingId: string; showId: string; seatId: string; ownerId: string };
};
/** `byOwnerId` is who asks; the decider refuses anyone but the owner as if the ticket did not exist. */
export type TransferTicket = {
  type: 'TransferTicket';
  data: { ticketId: string; byOwnerId: string; toOwnerId: string };
};
/** `version` is the one the presented code was signed over. */
export type CheckIn = {
  type: 'CheckIn';
  data: { ticketId: string; version: number; staffId: string; gate?: string };
  metadata: { now: string };
};
export type VoidTicket = { type: 'VoidTicket'; data: { ticketId: string; reason: TicketVoidReason } };
export type TicketCommand = IssueTicket | TransferTicket | CheckIn | VoidTicket;

export const isIssued = (ticket: TicketState): ticket is IssuedTicket => ticket.status !== 'none';

export const evolve = (state: TicketState, event: TicketEvent): TicketState => {
  switch (event.type) {
    case 'ticket.issued.v1':
      return { ...event.data, status: 'valid' };
    case 'ticket.transferred.v1':
      return isIssued(state) ? { ...state, ownerId: event.data.toOwnerId, version: event.data.version } : state;
    case 'ticket.checked-in.v1':
      return isIssued(state) ? { ...state, status: 'checked_in', checkedInAt: event.data.checkedInAt } : state;
    case 'ticket.voided.v1':
      return isIssued(state) ? { ...state, status: 'void', voidReason: event.data.reason } : state;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

export const decide = (command: TicketCommand, state: TicketState): TicketEvent[] => {
  switch (command.type) {
    case 'IssueTicket': {
      if (isIssued(state)) {
        throw new DomainError('INVALID_TICKET_STATE', `ticket ${command.data.ticketId} was already issued`, {
          status: state.status,
        });
      }
      return [{ type: 'ticket.issued.v1', data: { ...command.data, version: 1 } }];
    }
    case 'TransferTicket': {
      const { ticketId, byOwnerId, toOwnerId } = command.data;
      // Someone else's ticket answers exactly like a missing one (API.md: 404, do not reveal).
      if (!isIssued(state) || state.ownerId !== byOwnerId) {
        throw new DomainError('TICKET_NOT_FOUND', `ticket ${ticketId} does not exist`, { ticketId });
      }
      if (state.status !== 'valid') {
        throw new DomainError('INVALID_TICKET_STATE', `a ticket that is ${state.status} cannot be transferred`, {
          status: state.status,
        });
      }
      // A well-formed request that the ticket's present owner makes pointless: a conflict with
      // its state (409, as API.md lists for transfers), not a malformed body.
      if (toOwnerId === state.ownerId) {
        throw new DomainError('INVALID_TICKET_STATE', 'the ticket already belongs to that account', {
          status: state.status,
        });
      }
      return [
        {
          type: 'ticket.transferred.v1',
          data: { ticketId, fromOwnerId: state.ownerId, toOwnerId, version: state.version + 1 },
        },
      ];
    }
    case 'CheckIn': {
      const { ticketId, version, staffId, gate } = command.data;
      // Unknown, void and superseded codes are one answer: the code does not admit anyone.
      if (!isIssued(state) || state.status === 'void' || version !== state.version) {
        throw new DomainError('INVALID_TICKET', 'the code does not belong to a valid ticket', { ticketId });
      }
      if (state.status === 'checked_in') {
        throw new DomainError('ALREADY_CHECKED_IN', `ticket ${ticketId} was checked in at ${state.checkedInAt}`, {
          ticketId,
          checkedInAt: state.checkedInAt,
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
            ...(gate === undefined ? {} : { gate }),
          },
        },
      ];
    }
    case 'VoidTicket': {
      const { ticketId, reason } = command.data;
      if (!isIssued(state)) throw new DomainError('TICKET_NOT_FOUND', `ticket ${ticketId} does not exist`, { ticketId });
      // Refunds and show cancellations may sweep a ticket twice.
      if (state.status === 'void') return [];
      const { bookingId, showId, seatId } = state;
      return [{ type: 'ticket.voided.v1', data: { ticketId, bookingId, showId, seatId, reason } }];
    }
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown ticket command ${JSON.stringify(_exhaustive)}`);
    }
  }
};

export const ticketDecider: Decider<TicketState, TicketCommand, TicketEvent> = { initialState, evolve, decide };
