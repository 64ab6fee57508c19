import type { DomainEvent } from '../events/envelope';

/**
 * Events of the stream `ticket-{ticketId}`. A ticket's QR code is a token signed over
 * (ticketId, version): every transfer bumps the version, which is how an old code stops working.
 */

/** A ticket was issued for a sold seat to the booking's user, at version 1. */
export type TicketIssued = DomainEvent<
  'ticket.issued.v1',
  {
    ticketId: string;
    bookingId: string;
    showId: string;
    seatId: string;
    ownerId: string;
    version: number;
  }
>;

/** The ticket changed hands; `version` is the new one, which the new code is signed over. */
export type TicketTransferred = DomainEvent<
  'ticket.transferred.v1',
  { ticketId: string; fromOwnerId: string; toOwnerId: string; version: number }
>;

/** The ticket was scanned at the gate. It happens once per ticket. */
export type TicketCheckedIn = DomainEvent<
  'ticket.checked-in.v1',
  {
    ticketId: string;
    showId: string;
    seatId: string;
    /** The version of the code that was scanned. */
    version: number;
    /** ISO 8601 UTC. */
    checkedInAt: string;
    byStaffId: string;
    gate?: string;
  }
>;

/** Why a ticket stopped being valid. */
export type TicketVoidReason = 'booking_refunded' | 'show_cancelled';

/** The ticket is no longer valid: its codes are refused at the gate. */
export type TicketVoided = DomainEvent<
  'ticket.voided.v1',
  { ticketId: string; bookingId: string; showId: string; seatId: string; reason: TicketVoidReason }
>;

export type TicketEvent = TicketIssued | TicketTransferred | TicketCheckedIn | TicketVoided;

export const TICKET_EVENT_TYPES = [
  'ticket.issued.v1',
  'ticket.transferred.v1',
  'ticket.checked-in.v1',
  'ticket.voided.v1',
] as const satisfies readonly TicketEvent['type'][];
