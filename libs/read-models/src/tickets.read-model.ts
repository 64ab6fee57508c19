import type { TicketStatus } from '@tessera/contracts';
import { TICKET_EVENT_TYPES } from '@tessera/contracts';
import type { ProjectionDescriptor, ReadModelDocument } from './read-model';

/**
 * Tickets: each ticket with its owner and code version, and each user's tickets
 * (GET /api/me/tickets). A transfer moves the ticket from one user's document to the other's;
 * the signed code is made at query time from (ticketId, version).
 */

export const TICKETS = 'tickets';
export const USER_TICKETS = 'user_tickets';

export type TicketSummary = {
  ticketId: string;
  bookingId: string;
  showId: string;
  seatId: string;
  status: TicketStatus;
  /** The version the current code is signed over. */
  version: number;
}

export type TicketDoc = ReadModelDocument & TicketSummary & {
  ownerId: string;
  checkedInAt?: string;
}

export type UserTicketsDoc = ReadModelDocument & {
  userId: string;
  /** Ticket id → summary, only of tickets the user owns now. */
  tickets: Record<string, TicketSummary>;
}

export const ticketsDescriptor: ProjectionDescriptor = {
  name: 'tickets',
  version: 1,
  collections: [TICKETS, USER_TICKETS],
  eventTypes: TICKET_EVENT_TYPES,
};
