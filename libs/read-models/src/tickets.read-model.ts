import type { TicketStatus } from '@tessera/contracts';
import { TICKET_EVENT_TYPES } from '@tessera/contracts';
import type { ProjectionDescriptor, ReadModelDocument } from './read-model';

/**
 * Tickets: each ticket with its owner and code version, and the ids of each user's tickets
 * (GET /api/me/tickets), read from `tickets` by id. A transfer moves the ticket's id from one
 * user's document to the other's; the signed code is made at query time from (ticketId,
 * version). Version 1 kept a copy of each ticket's summary in its owner's document.
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
  /** The ids of the tickets the user owns now, as the keys of a set (each `true`). */
  ticketIds: Record<string, true>;
}

export const ticketsDescriptor: ProjectionDescriptor = {
  name: 'tickets',
  version: 2,
  collections: [TICKETS, USER_TICKETS],
  eventTypes: TICKET_EVENT_TYPES,
};
