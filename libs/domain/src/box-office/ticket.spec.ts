import type { TicketEvent } from '@tessera/contracts';
import { DeciderSpecification } from '../testing/decider-specification';
import { at, SHOW_ID, ticketIssued, ticketTransferred } from './spec-fixtures';
import { ticketDecider, type TicketCommand } from './ticket';

const spec = DeciderSpecification.for(ticketDecider);

const issue: TicketCommand = {
  type: 'IssueTicket',
  data: { ticketId: 't1', bookingId: 'b1', showId: SHOW_ID, seatId: 'A-1-1', ownerId: 'u1' },
};
const transfer = (byOwnerId: string, toOwnerId: string): TicketCommand => ({
  type: 'TransferTicket',
  data: { ticketId: 't1', byOwnerId, toOwnerId },
});
const checkIn = (version: number, now = at(500), gate?: string): TicketCommand => ({
  type: 'CheckIn',
  data: { ticketId: 't1', version, staffId: 'staff1', ...(gate ? { gate } : {}) },
  metadata: { now },
});
const voidTicket = (reason: 'booking_refunded' | 'show_cancelled' = 'booking_refunded'): TicketCommand => ({
  type: 'VoidTicket',
  data: { ticketId: 't1', reason },
});

const checkedIn = (version: number, gate?: string): TicketEvent => ({
  type: 'ticket.checked-in.v1',
  data: {
    ticketId: 't1',
    showId: SHOW_ID,
    seatId: 'A-1-1',
    version,
    checkedInAt: at(500),
    byStaffId: 'staff1',
    ...(gate ? { gate } : {}),
  },
});
const voided = (reason: 'booking_refunded' | 'show_cancelled' = 'booking_refunded'): TicketEvent => ({
  type: 'ticket.voided.v1',
  data: { ticketId: 't1', bookingId: 'b1', showId: SHOW_ID, seatId: 'A-1-1', reason },
});

describe('Ticket', () => {
  describe('IssueTicket', () => {
    it('issues a ticket to the buyer at version 1', () => {
      spec.given([]).when(issue).then([ticketIssued()]);
    });

    it('refuses to issue the same ticket twice', () => {
      spec.given([ticketIssued()]).when(issue).thenThrows('INVALID_TICKET_STATE');
    });
  });

  describe('TransferTicket', () => {
    it('moves the ticket to the new owner and bumps its version', () => {
      spec.given([ticketIssued()]).when(transfer('u1', 'u2')).then([ticketTransferred('u1', 'u2', 2)]);
    });

    it('lets the new owner pass it on again', () => {
      spec
        .given([ticketIssued(), ticketTransferred('u1', 'u2', 2)])
        .when(transfer('u2', 'u3'))
        .then([ticketTransferred('u2', 'u3', 3)]);
    });

    it("answers someone else's ticket as if it did not exist", () => {
      spec.given([ticketIssued()]).when(transfer('u9', 'u9')).thenThrows('TICKET_NOT_FOUND');
    });

    it('refuses the previous owner after a transfer', () => {
      spec.given([ticketIssued(), ticketTransferred('u1', 'u2', 2)]).when(transfer('u1', 'u3')).thenThrows('TICKET_NOT_FOUND');
    });

    it('refuses a checked-in ticket', () => {
      spec.given([ticketIssued(), checkedIn(1)]).when(transfer('u1', 'u2')).thenThrows('INVALID_TICKET_STATE', { status: 'checked_in' });
    });

    it('refuses a void ticket', () => {
      spec.given([ticketIssued(), voided()]).when(transfer('u1', 'u2')).thenThrows('INVALID_TICKET_STATE', { status: 'void' });
    });

    it('refuses a transfer to its own owner', () => {
      spec.given([ticketIssued()]).when(transfer('u1', 'u1')).thenThrows('INVALID_TICKET_STATE');
    });

    it('refuses a ticket that does not exist', () => {
      spec.given([]).when(transfer('u1', 'u2')).thenThrows('TICKET_NOT_FOUND');
    });
  });

  describe('CheckIn', () => {
    it('admits the current code once', () => {
      spec.given([ticketIssued()]).when(checkIn(1)).then([checkedIn(1)]);
    });

    it('records the gate when the scanner names one', () => {
      spec.given([ticketIssued()]).when(checkIn(1, at(500), 'north')).then([checkedIn(1, 'north')]);
    });

    it('admits the new code after a transfer', () => {
      spec.given([ticketIssued(), ticketTransferred('u1', 'u2', 2)]).when(checkIn(2)).then([checkedIn(2)]);
    });

    it('refuses a code superseded by a transfer', () => {
      spec.given([ticketIssued(), ticketTransferred('u1', 'u2', 2)]).when(checkIn(1)).thenThrows('INVALID_TICKET');
    });

    it('refuses a second scan of the same code', () => {
      spec.given([ticketIssued(), checkedIn(1)]).when(checkIn(1, at(501))).thenThrows('ALREADY_CHECKED_IN', { checkedInAt: at(500) });
    });

    it('refuses a void ticket', () => {
      spec.given([ticketIssued(), voided('show_cancelled')]).when(checkIn(1)).thenThrows('INVALID_TICKET');
    });

    it('refuses a version the ticket never had', () => {
      spec.given([ticketIssued()]).when(checkIn(2)).thenThrows('INVALID_TICKET');
    });

    it('refuses a ticket that does not exist', () => {
      spec.given([]).when(checkIn(1)).thenThrows('INVALID_TICKET');
    });
  });

  describe('VoidTicket', () => {
    it('voids a valid ticket', () => {
      spec.given([ticketIssued()]).when(voidTicket()).then([voided()]);
    });

    it('voids a checked-in ticket when its show is cancelled', () => {
      spec.given([ticketIssued(), checkedIn(1)]).when(voidTicket('show_cancelled')).then([voided('show_cancelled')]);
    });

    it('decides nothing for a ticket already void (swept twice)', () => {
      spec.given([ticketIssued(), voided()]).when(voidTicket('show_cancelled')).thenNothing();
    });

    it('refuses a ticket that does not exist', () => {
      spec.given([]).when(voidTicket()).thenThrows('TICKET_NOT_FOUND');
    });
  });
});
